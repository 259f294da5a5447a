// dist/cjs sits inside a "type": "module" package: its own package.json tells Node.js (and
// TypeScript, for its .d.ts) that the files below it are CommonJS.
//
// Tools of the node10 era ignore "exports" and read "@mark/sdk/generated" as a folder of the
// package: a generated/package.json, written here at each build (and packed, not committed),
// sends them to the CommonJS build of that entry point.
import { mkdirSync, writeFileSync } from "node:fs";

writeFileSync(new URL("../dist/cjs/package.json", import.meta.url), '{ "type": "commonjs" }\n');

mkdirSync(new URL("../generated/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("../generated/package.json", import.meta.url),
  JSON.stringify({ private: true, main: "../dist/cjs/generated.js", types: "../dist/cjs/generated.d.ts" }, null, 2) + "\n",
);
