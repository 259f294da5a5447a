/**
 * The CSRF token of a browser's cookie session: the one thing a client learns as it goes. The
 * cookies it guards belong to the whole browser, not to one client, so a client and the clients
 * derived from it with `withOptions` share one holder: a token learnt by any of them serves all.
 */
export class CsrfToken {
  constructor(public value: string | undefined) {}

  /** Keeps the `csrf_token` of a Session or Me body, if it has one. */
  learnFrom(body: unknown): void {
    const token = (body as { csrf_token?: unknown } | undefined)?.csrf_token;
    if (typeof token === "string" && token !== "") this.value = token;
  }
}

