/**
 * An environment variable where one exists (Node.js, Deno, Bun), else `undefined`: browsers and
 * edge runtimes have no `process`, and bundlers must not be made to polyfill it.
 */
export function readEnv(name: string): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = proc?.env?.[name]?.trim();
  return value === "" ? undefined : value;
}

/** `node/v20.x` in Node.js, else `undefined` (a browser sets its own User-Agent). */
export function nodeVersion(): string | undefined {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  const node = proc?.versions?.node;
  return node === undefined ? undefined : `node/v${node}`;
}
