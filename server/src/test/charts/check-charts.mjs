// The charts the server's tests wrote (target/charts/*.json): each spec must be valid against
// the official Vega-Lite v6 schema, compile and render to SVG without a warning, and show the
// x-axis labels the test expects under several time zones of the machine drawing it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { render, axisLabels } from './render.mjs';

const require = createRequire(import.meta.url);
const schema = require('vega-lite/vega-lite-schema.json') // build/vega-lite-schema.json, as the package exports it;
const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';
// Far from UTC on both sides: a chart that shifted bucket starts into the drawing machine's
// zone would show the previous month or day in one of them.
const ZONES = ['UTC', 'Pacific/Honolulu', 'Asia/Tokyo'];

const dir = process.argv[2];
let files;
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
} catch {
  files = [];
}
if (files.length === 0) {
  console.log(`chart check: no charts in ${dir} (no chart test ran)`);
  process.exit(0);
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(schema);
const failures = [];
for (const file of files) {
  const { chart, expect } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const spec = chart.spec;
  const fail = (why) => failures.push(`${file}: ${why}`);
  if (spec.$schema !== SCHEMA_URL) fail(`$schema is ${spec.$schema}`);
  if (!validate(spec)) {
    fail('not valid against the Vega-Lite v6 schema: ' + ajv.errorsText(validate.errors.slice(0, 5)));
    continue;
  }
  // every chart once; those with bucket labels to check in every zone
  for (const zone of expect?.x_labels ? ZONES : ZONES.slice(0, 1)) {
    process.env.TZ = zone;
    try {
      const { svg, view, problems } = await render(spec);
      problems.forEach((p) => fail(`${zone}: ${p}`));
      if (!svg.startsWith('<svg')) fail(`${zone}: no SVG`);
      if (expect?.x_labels) {
        const axes = axisLabels(view);
        const x = axes.find((a) => a.orient === 'bottom' && a.labels.length > 0);
        const drawn = x ? x.labels : [];
        if (JSON.stringify(drawn) !== JSON.stringify(expect.x_labels)) {
          fail(`${zone}: x labels ${JSON.stringify(drawn)}, expected ${JSON.stringify(expect.x_labels)}`);
        }
      }
    } catch (e) {
      fail(`${zone}: ${e.stack ?? e}`);
    }
  }
}
process.env.TZ = 'UTC';
if (failures.length > 0) {
  console.error(failures.join('\n'));
  console.error(`chart check: ${failures.length} problem(s) in ${files.length} charts`);
  process.exit(1);
}
console.log(`chart check: ${files.length} charts valid against Vega-Lite v6 and rendered to SVG; time axes labelled alike in ${ZONES.join(', ')}`);
