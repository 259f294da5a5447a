// "@mark/sdk/generated": the typescript-fetch client as generated from openapi.yaml, unwrapped
// (no retries, untyped errors, times as Date). Prefer the Mark client of the main entry.
export * from "./gen/index.js";
