// dist/cjs sits inside a "type": "module" package: its own package.json tells Node.js (and
// TypeScript, for its .d.ts) that the files below it are CommonJS.
import { writeFileSync } from "node:fs";

writeFileSync(new URL("../dist/cjs/package.json", import.meta.url), '{ "type": "commonjs" }\n');
