import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { parse } from "yaml";

import { APIResource, Mark, PagePromise, ProblemCode } from "@mark/sdk";
import { json, scriptedFetch } from "./support/fake-fetch.js";

// The client against the contract itself: openapi.yaml is parsed here, not trusted through the
// generated code, so an operation that the templates or the build failed to turn into a method,
// or a trait that the core ignores, fails this file.

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly "x-mark-page-cursor"?: boolean;
}

interface ContractOperation {
  readonly httpMethod: string;
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly sdkMethod: string;
  readonly aliases: readonly string[];
  readonly parameters: readonly Parameter[];
  readonly hasBody: boolean;
  readonly isPublic: boolean;
}

/** `api-keys` → `apiKeys`: the resource a tag's operations are on. */
const camel = (tag: string) => tag.replace(/[-_\s]+(\w)/g, (_, c: string) => c.toUpperCase());

/** The contract's operations, from openapi.yaml found relative to this package. */
async function contractOperations(): Promise<{ operations: ContractOperation[]; problems: string[] }> {
  const file = new URL("../../../openapi/openapi.yaml", import.meta.url); // sdk-typescript/target/test → the repository
  const spec = parse(await readFile(file, "utf8"));
  const resolve = (p: { $ref?: string }): Parameter =>
    p.$ref === undefined ? (p as Parameter) : spec.components.parameters[p.$ref.replace("#/components/parameters/", "")];
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
    for (const httpMethod of HTTP_METHODS) {
      const op = item[httpMethod];
      if (op === undefined) continue;
      operations.push({
        httpMethod: httpMethod.toUpperCase(),
        path,
        operationId: op.operationId,
        tag: op.tags[0],
        sdkMethod: op["x-mark-sdk-method"],
        aliases: op["x-mark-sdk-deprecated-aliases"] ?? [],
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve),
        hasBody: op.requestBody !== undefined,
        isPublic: (op.security ?? spec.security).length === 0,
      });
    }
  }
  return { operations, problems: spec["x-mark-problems"].map((p: { code: string }) => p.code) };
}

/** The method of `mark` an operation should have, bound to its resource, or undefined. */
function methodOf(mark: Mark, resource: string, name: string): unknown {
  const target = (mark as unknown as Record<string, Record<string, unknown> | undefined>)[resource];
  const method = target?.[name];
  return typeof method === "function" ? method.bind(target) : method;
}

/** The arguments a method takes before its body, params and options: one per path parameter. */
const pathArgs = (op: ContractOperation) => op.parameters.filter((p) => p.in === "path").map((p) => `${p.name}_1`);

describe("the client against openapi.yaml", () => {
  let operations: ContractOperation[];
  let problems: string[];

  before(async () => {
    ({ operations, problems } = await contractOperations());
  });

  test("every operation has its method on new Mark(): mark.<tag in camelCase>.<x-mark-sdk-method>", () => {
    assert.ok(operations.length >= 21, `found ${operations.length} operations`);
    const mark = new Mark({ apiKey: "mk_test_x" });
    const missing = operations
      .filter((op) => typeof methodOf(mark, camel(op.tag), op.sdkMethod) !== "function")
      .map((op) => `${op.operationId}: mark.${camel(op.tag)}.${op.sdkMethod}`);
    assert.deepEqual(missing, [], "operations without a method");
  });

  test("every resource and method of the client is named by the contract, deprecated aliases included", () => {
    const mark = new Mark({ apiKey: "mk_test_x" });
    const expected = new Map<string, Set<string>>();
    for (const op of operations) {
      const names = expected.get(camel(op.tag)) ?? new Set<string>();
      for (const name of [op.sdkMethod, ...op.aliases]) names.add(name);
      expected.set(camel(op.tag), names);
    }
    const resources = Object.entries(mark).filter(([, value]) => value instanceof APIResource);
    assert.deepEqual(resources.map(([name]) => name).sort(), [...expected.keys()].sort(), "one resource per tag");
    for (const [name, resource] of resources) {
      const own = Object.getOwnPropertyNames(Object.getPrototypeOf(resource)).filter((m) => m !== "constructor");
      assert.deepEqual(own.sort(), [...expected.get(name)!].sort(), `the methods of mark.${name}`);
    }
  });

  test("a deprecated alias sends the same request as the method it names", async () => {
    const aliased = operations.filter((op) => op.aliases.length > 0);
    assert.ok(aliased.length > 0);
    for (const op of aliased) {
      const fetch = scriptedFetch(...[op.sdkMethod, ...op.aliases].map(() => json(200, {})));
      const mark = new Mark({ apiKey: "mk_test_x", baseURL: "http://mark.test", fetch });
      for (const name of [op.sdkMethod, ...op.aliases]) {
        await (methodOf(mark, camel(op.tag), name) as (...args: unknown[]) => Promise<unknown>)(...pathArgs(op));
      }
      assert.equal(new Set(fetch.calls.map((c) => `${c.method} ${c.url}`)).size, 1, `${op.operationId} and its aliases`);
    }
  });

  test("an operation with the page cursor answers a lazy list, and sends nothing until it is used", () => {
    const paged = operations.filter((op) => op.parameters.some((p) => p["x-mark-page-cursor"]));
    assert.ok(paged.length >= 3, `found ${paged.length} paginated operations`);
    const fetch = scriptedFetch();
    const mark = new Mark({ apiKey: "mk_test_x", baseURL: "http://mark.test", fetch });
    for (const op of paged) {
      const answer = (methodOf(mark, camel(op.tag), op.sdkMethod) as (...args: unknown[]) => unknown)(...pathArgs(op));
      assert.ok(answer instanceof PagePromise, `${op.operationId} answers a PagePromise`);
    }
    assert.equal(fetch.calls.length, 0);
  });

  test("each call goes to its path with its method; only secured ones carry credentials, and only those declaring Idempotency-Key carry one", async () => {
    for (const op of operations) {
      // one body fits every answer: a list envelope, which other operations ignore
      const fetch = scriptedFetch(json(200, { data: [], has_more: false, next_cursor: null }));
      const mark = new Mark({ apiKey: "mk_test_x", bearerToken: "jwt_1", baseURL: "http://mark.test", fetch, maxRetries: 0 });
      const method = methodOf(mark, camel(op.tag), op.sdkMethod) as (...args: unknown[]) => Promise<unknown>;
      await method(...pathArgs(op), ...(op.hasBody ? [{}] : []));

      const [call] = fetch.calls;
      const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => `${name}_1`);
      assert.equal(`${call!.method} ${new URL(call!.url).pathname}`, `${op.httpMethod} ${path}`, op.operationId);
      assert.equal(call!.headers.get("x-api-key"), op.isPublic ? null : "mk_test_x", `${op.operationId}'s API key`);
      assert.equal(call!.headers.get("authorization"), op.isPublic ? null : "Bearer jwt_1", `${op.operationId}'s bearer token`);
      const declaresKey = op.parameters.some((p) => p.in === "header" && p.name === "Idempotency-Key");
      assert.equal(call!.headers.get("idempotency-key") !== null, declaresKey, `${op.operationId}'s Idempotency-Key`);
    }
  });

  test("ProblemCode holds exactly the codes of x-mark-problems", () => {
    assert.deepEqual(Object.values(ProblemCode).sort(), [...problems].sort());
    assert.equal(ProblemCode.InvalidToken, "invalid_token");
  });
});
