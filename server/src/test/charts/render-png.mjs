// Renders chosen charts of target/charts to PNG (SVG by vega, PNG by resvg), for people to look
// at: node render-png.mjs <charts dir> <png dir> [name-substring ...]
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { render } from './render.mjs';

const [dir, out, ...only] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
for (const file of files.sort()) {
  const { chart } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const { svg, problems } = await render(chart.spec);
  if (problems.length > 0) console.warn(file, problems);
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  }).render().asPng();
  const target = join(out, file.replace(/\.json$/, '.png'));
  writeFileSync(target, png);
  console.log(target);
}
