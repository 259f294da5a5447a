// Runs the OWASP lint of openapi.yaml (Spectral with spectral.yaml) and prints each finding and
// the count per rule, so that the build log says what changed. Fails on any finding, warnings
// included: the contract is held at zero, and every exception is written in spectral.yaml.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const spectral = path.join(here, 'node_modules', '.bin', 'spectral');
const run = spawnSync(spectral,
  ['lint', 'openapi.yaml', '--ruleset', 'spectral.yaml', '--format', 'json', '--quiet'],
  { cwd: here, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

let findings;
try {
  findings = JSON.parse(run.stdout);
} catch {
  // no JSON means Spectral itself failed (a broken ruleset, say): show why, and fail
  process.stderr.write(run.stdout + run.stderr);
  console.error(`OWASP lint could not run (exit ${run.status}).`);
  process.exit(2);
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const perRule = new Map();
for (const f of findings) {
  const severity = SEVERITIES[f.severity] ?? String(f.severity);
  console.log(`openapi.yaml:${f.range.start.line + 1}  ${severity}  ${f.code}  ${f.message}  (${f.path.join('.')})`);
  const key = `${severity} ${f.code}`;
  perRule.set(key, (perRule.get(key) ?? 0) + 1);
}
for (const [rule, count] of [...perRule].sort()) {
  console.log(`  ${count}\t${rule}`);
}
const count = (s) => findings.filter((f) => f.severity === s).length;
console.log(`OWASP lint: ${count(0)} errors, ${count(1)} warnings, ${count(2) + count(3)} notes.`);
process.exit(findings.length === 0 ? 0 : 1);
