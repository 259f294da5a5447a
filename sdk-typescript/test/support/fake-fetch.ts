/** One scripted outcome of a fake fetch: a response to answer, or an error to throw. */
export type Outcome = Response | Error;

export interface RecordedCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
}

/**
 * A fetch that answers each call with the next scripted outcome and records what it was sent;
 * it fails the test loudly if called more often than scripted.
 */
export function scriptedFetch(...outcomes: Outcome[]): typeof fetch & { readonly calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    const next = outcomes.shift();
    if (next === undefined) throw new Error(`fake fetch: unexpected call ${calls.length}`);
    if (next instanceof Error) throw next;
    return next;
  };
  return Object.assign(fake, { calls });
}

/** A problem+json response, as the server writes one. */
export function problem(status: number, code: string, headers: Record<string, string> = {}, extra: object = {}): Response {
  const body = { type: `https://mark.dev/problems/${code}`, title: code, status, code, request_id: "req_test", ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": "req_test", ...headers },
  });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}
