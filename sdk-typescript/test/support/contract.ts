import { AssertionError } from "node:assert/strict";
import { readFileSync } from "node:fs";

import { openapiSchemaToJsonSchema } from "@openapi-contrib/openapi-schema-to-json-schema";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { parse } from "yaml";

// Holds every response a test receives from a real server to the contract, openapi.yaml: its
// status must be declared for its operation, its media type must be one the contract declares for
// that status, and a JSON body must fit the declared schema. The contract is OpenAPI 3.0: its
// schemas are converted to JSON Schema (nullable → a "null" type) by
// @openapi-contrib/openapi-schema-to-json-schema, then checked by Ajv in the 2020-12 dialect.
// A path the contract does not know may answer anything that succeeds, but its errors must be
// problems too. The server's and the Java SDK's tests hold responses to the same rules
// (contract-check's ContractResponses).

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const CONTRACT_ID = "https://mark.dev/openapi.json";
const PROBLEM_SCHEMA = "/components/schemas/Problem";

type Json = Record<string, any>;

interface Route {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly pattern: RegExp;
  readonly parameters: number;
}

/** sdk-typescript/target/test/support → the repository's openapi/openapi.yaml */
const spec: Json = parse(readFileSync(new URL("../../../../openapi/openapi.yaml", import.meta.url), "utf8"));

const escape = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");
const at = (pointer: string): any =>
  pointer.split("/").slice(1).reduce<any>((node, token) => node?.[token.replace(/~1/g, "/").replace(/~0/g, "~")], spec);

/** The contract with every schema, wherever responses reach one, in JSON Schema form. */
function jsonSchemaDocument(): Json {
  const convert = (schema: Json): Json => {
    const converted = openapiSchemaToJsonSchema(schema, { cloneSchema: true }) as Json;
    delete converted.$schema; // draft-04 stamped on each: the document's dialect is 2020-12
    return converted;
  };
  const responses = (all: Json | undefined) => {
    for (const response of Object.values<Json>(all ?? {})) {
      for (const media of Object.values<Json>(response.content ?? {})) {
        if (media.schema !== undefined) media.schema = convert(media.schema);
      }
    }
  };
  const document: Json = structuredClone(spec);
  for (const [name, schema] of Object.entries<Json>(document.components?.schemas ?? {})) {
    document.components.schemas[name] = convert(schema);
  }
  responses(document.components?.responses);
  for (const item of Object.values<Json>(document.paths)) {
    for (const method of HTTP_METHODS) responses(item[method]?.responses);
  }
  return { ...document, $id: CONTRACT_ID };
}

// strict off: the rest of the document (paths, info, x-mark-…) is not schema keywords
const ajv = new Ajv2020({ strict: false, allErrors: true });
formats.default(ajv);
ajv.addSchema(jsonSchemaDocument());
const validators = new Map<string, ValidateFunction>();

function validator(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `${CONTRACT_ID}#${pointer.split("/").map(encodeURIComponent).join("/")}` });
    validators.set(pointer, validate);
  }
  return validate;
}

const routes: Route[] = Object.entries<Json>(spec.paths)
  .flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m] !== undefined).map((method) => ({
      method,
      path,
      operationId: item[method].operationId as string,
      pattern: new RegExp(
        "^" + path.split("/").map((s) => (s.startsWith("{") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/") + "$",
      ),
      parameters: (path.match(/\{/g) ?? []).length,
    })),
  )
  .sort((a, b) => a.parameters - b.parameters);

/**
 * Throws an AssertionError naming the operation, the status and how the response breaks the
 * contract; returns quietly when it fits.
 */
export function checkResponse(method: string, url: string, status: number, contentType: string | null, body: string): void {
  const path = new URL(url).pathname;
  const shown = path.length <= 200 ? path : path.slice(0, 200) + "…";
  const route = routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
  if (route === undefined) {
    if (status >= 400) checkBody(`${method} ${shown} answered ${status}`, PROBLEM_SCHEMA, body);
    return;
  }
  const where = `${route.operationId} (${method} ${shown}) answered ${status}`;
  const operation = `/paths/${escape(route.path)}/${route.method}`;
  const responses: Json = at(`${operation}/responses`);
  const declared = String(status) in responses ? String(status) : "default";
  if (!(declared in responses)) throw new AssertionError({ message: `${where}, a status its contract does not declare` });
  let pointer = `${operation}/responses/${declared}`;
  let response: Json = at(pointer);
  if (typeof response.$ref === "string") {
    pointer = response.$ref.slice(1);
    response = at(pointer);
  }
  const content: Json = response.content ?? {};
  if (Object.keys(content).length === 0) return;
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!(mediaType in content)) {
    throw new AssertionError({
      message: `${where} with Content-Type '${contentType}', not one the contract declares: ${Object.keys(content).join(", ")}`,
    });
  }
  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    checkBody(where, `${pointer}/content/${escape(mediaType)}/schema`, body);
  }
}

function checkBody(where: string, schemaPointer: string, body: string): void {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new AssertionError({ message: `${where} with a body that is not JSON: ${abbreviate(body)}` });
  }
  const validate = validator(schemaPointer);
  if (!validate(json)) {
    const issues = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
    throw new AssertionError({ message: `${where} with a body that breaks the contract's schema: ${issues.join("; ")}\nbody: ${abbreviate(body)}` });
  }
}

const abbreviate = (text: string) => (text.length <= 500 ? text : text.slice(0, 500) + "…");

/**
 * A fetch that holds every response to the contract before its caller sees it. A response that
 * breaks it is thrown as an AssertionError and also kept in `violations`: the SDK turns a failed
 * fetch into a connection error and may retry, so the server's `stop()` fails on any kept there.
 * Event streams are checked for status and media type only: their body never ends.
 */
export function contractCheckedFetch(inner: typeof fetch = globalThis.fetch): typeof fetch & { violations: string[] } {
  const violations: string[] = [];
  const checked = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // the request itself is not rebuilt: a stream body may be read only once
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const url = input instanceof Request ? input.url : String(input);
    const response = await inner(input, init);
    const contentType = response.headers.get("content-type");
    const streaming = contentType?.startsWith("text/event-stream") ?? false;
    try {
      checkResponse(method, response.url || url, response.status, contentType,
        streaming ? "" : await response.clone().text());
    } catch (e) {
      violations.push(e instanceof Error ? e.message : String(e));
      throw e;
    }
    return response;
  };
  return Object.assign(checked, { violations });
}
