import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const sdkRoot = fileURLToPath(new URL("../../", import.meta.url));
const tsc = join(sdkRoot, "node_modules", ".bin", "tsc");
const attw = join(sdkRoot, "node_modules", ".bin", "attw");

// A sample an application would write, once as ESM and once as CommonJS. It type-checks against
// the installed package and then runs with a stand-in fetch, so no server is needed.
const sample = (importLine: string) => `${importLine}

const fake: typeof fetch = async () =>
  new Response(JSON.stringify({ type: "t", title: "t", status: 404, code: "not_found", request_id: "req_1" }), { status: 404 });
const mark = new Mark({ apiKey: "mk_test_x", baseURL: "http://mark.test", fetch: fake });
mark.datasets.retrieve("ds_x").then(
  () => console.log("unexpected success"),
  (e: unknown) => console.log(e instanceof NotFoundError && e.requestId === "req_1" ? "ok" : "wrong: " + String(e)),
);
`;

// One `npm pack`, as `npm publish` would make it, shared by every check below: what they pass is
// exactly what would be published.
describe("the npm pack tarball", () => {
  let dir: string;
  let tarball: string;
  let files: string[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "mark-sdk-pack-"));
    const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir], sdkRoot))[0];
    tarball = join(dir, packed.filename);
    files = packed.files.map((f: { path: string }) => f.path);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("holds both builds with their .d.ts, and no sources or tests", () => {
    for (const expected of ["dist/esm/index.js", "dist/esm/index.d.ts", "dist/cjs/index.js", "dist/cjs/index.d.ts", "dist/cjs/package.json", "README.md"]) {
      assert.ok(files.includes(expected), `the tarball has ${expected}`);
    }
    assert.ok(!files.some((f) => f.startsWith("src/") || f.startsWith("test/")), "no sources or tests in the tarball");
  });

  // publint: package.json's fields and exports against the files packed. Its CLI fails only on
  // errors (warnings with --strict); here a suggestion fails too.
  test("publint finds nothing, not even a suggestion", async () => {
    const data = await readFile(tarball);
    const { messages, pkg } = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, strict: true });
    assert.deepEqual(messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false })}`), []);
  });

  // attw: every entry point's types against its JavaScript, under node10, node16 from CJS and
  // from ESM, and bundler resolution (masquerading formats, missing types, default-export
  // mismatches). Given a tarball it reads only that file: no registry, no @types look-up.
  test("arethetypeswrong finds no problem under any resolution", () => {
    run(attw, [tarball, "--profile", "strict", "--format", "table-flipped", "--no-color", "--no-emoji"], sdkRoot);
  });

  test("installs into a fresh project that type-checks and runs it as ESM and as CommonJS", async () => {
    const project = join(dir, "app");
    await writeFileIn(project, "package.json", JSON.stringify({ name: "fresh-app", private: true, type: "module" }));
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], project);
    await writeFileIn(project, "tsconfig.json", JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, lib: ["ES2022", "DOM"], types: [], skipLibCheck: false },
      include: ["*.ts", "*.cts"],
    }));
    await writeFileIn(project, "esm.ts", sample('import { Mark, NotFoundError } from "@mark/sdk";'));
    await writeFileIn(project, "cjs.cts", sample('import sdk = require("@mark/sdk");\nconst { Mark, NotFoundError } = sdk;'));
    run(tsc, ["-p", "."], project);

    assert.equal(run("node", ["esm.js"], project).trim(), "ok");
    assert.equal(run("node", ["cjs.cjs"], project).trim(), "ok");
  });

  // Tools of the node10 era ignore "exports" and load "@mark/sdk/generated" as a folder of the
  // package: its package.json sends them to the CommonJS build.
  test("the generated subpath loads as a folder, for tools that ignore exports", async () => {
    const project = join(dir, "legacy");
    await writeFileIn(project, "package.json", JSON.stringify({ name: "legacy-app", private: true }));
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], project);
    const folder = join(project, "node_modules", "@mark", "sdk", "generated");
    await writeFileIn(project, "load.cjs", `const generated = require(${JSON.stringify(folder)});
console.log(typeof generated.DatasetsApi === "function" ? "ok" : "missing: " + Object.keys(generated).slice(0, 5));`);
    assert.equal(run("node", ["load.cjs"], project).trim(), "ok");
  });
});

/** Runs a command; on failure, the error names its output (tsc reports on stdout). */
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

async function writeFileIn(dir: string, name: string, content: string): Promise<void> {
  await import("node:fs/promises").then((fs) => fs.mkdir(dir, { recursive: true }));
  await writeFile(join(dir, name), content);
}
