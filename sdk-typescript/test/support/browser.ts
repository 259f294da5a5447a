import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const distEsm = fileURLToPath(new URL("../../../dist/esm/", import.meta.url));

/**
 * The `skip` option of a browser suite: skipped where Chromium is missing, unless
 * MARK_REQUIRE_BROWSER is set (as CI does), where a missing Chromium fails the suite instead.
 */
export function skipWithoutChromium(): string | false {
  if (existsSync(CHROMIUM) || process.env.MARK_REQUIRE_BROWSER) return false;
  return `no Chromium at ${CHROMIUM} (set MARK_REQUIRE_BROWSER=1 to fail instead)`;
}

/**
 * Answers `/sdk/<file>` with the SDK's ESM build, unbundled, as a browser imports it; true if
 * the path was one of those.
 */
export async function serveSdk(pathname: string, res: ServerResponse): Promise<boolean> {
  if (!pathname.startsWith("/sdk/")) return false;
  const file = normalize(join(distEsm, pathname.slice("/sdk/".length)));
  if (!file.startsWith(distEsm)) res.writeHead(403).end();
  else res.writeHead(200, { "content-type": "text/javascript" }).end(await readFile(file));
  return true;
}

/**
 * Loads a page in headless Chromium, with a fresh profile, until its scripts settle, and returns
 * the JSON it wrote into `<pre id="result">`.
 */
export async function runPage(url: string): Promise<unknown> {
  assert.ok(existsSync(CHROMIUM), `MARK_REQUIRE_BROWSER is set but there is no Chromium at ${CHROMIUM}`);
  const profile = await mkdtemp(join(tmpdir(), "mark-sdk-chromium-"));
  try {
    const { stdout } = await promisify(execFile)(
      CHROMIUM,
      ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", `--user-data-dir=${profile}`,
        // virtual time waits for the page's fetches, then dumps the DOM
        "--virtual-time-budget=60000", "--dump-dom", url],
      { timeout: 120_000, maxBuffer: 1 << 20 },
    );
    const text = /<pre id="result">([^<]*)<\/pre>/.exec(stdout)?.[1];
    assert.ok(text !== undefined && text !== "pending", `the page never finished:\n${stdout}`);
    return JSON.parse(text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
