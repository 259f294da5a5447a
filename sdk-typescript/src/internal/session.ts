import type { MarkError } from "../core/errors.js";
import type { WithMeta } from "../core/meta.js";
import type { Session } from "../gen/mark/models.js";

/** What one refresh of the session came to: its new session, or the error it failed with. */
export type Renewal = { readonly session: WithMeta<Session> } | { readonly failure: MarkError };

/**
 * The user's session as a client holds it. In token mode: the access token it sends and the
 * refresh token that renews it. In cookie mode: nothing but the fact, since the browser holds
 * the cookies. An API-key client holds an empty one, which never renews.
 *
 * A client and the clients `withOptions` derives from it share one, and with it the renewal
 * under way: a refresh token works once, so a second refresh with the same one would end the
 * whole session (`401 refresh_token_reused`). The cookies of a browser are shared by every
 * client of the page, but only those derived from one another share this.
 */
export class SessionTokens {
  /** Counts renewals, so that a call can tell whether the session was renewed since it was sent. */
  #generation = 0;
  #renewal: Promise<Renewal> | undefined;

  constructor(
    public accessToken: string | undefined,
    public refreshToken: string | undefined,
    /** A browser's cookie session, renewed with the refresh cookie. */
    readonly cookies: boolean,
  ) {}

  get generation(): number {
    return this.#generation;
  }

  /** Whether a refresh could renew this session. */
  get renewable(): boolean {
    return this.cookies || this.refreshToken !== undefined;
  }

  /** Takes the tokens of the session that renewed this one (cookie mode: the browser took them). */
  adopt(session: Session): void {
    if (!this.cookies) {
      this.accessToken = session.access_token;
      this.refreshToken = session.refresh_token;
    }
    this.#generation++;
  }

  /** Forgets the refresh token `refreshToken`, logged out or refused: no more renewals. */
  end(refreshToken: string | undefined): void {
    if (refreshToken !== undefined && refreshToken === this.refreshToken) this.refreshToken = undefined;
  }

  /** The renewal under way, or else a new one made by `refresh`: never two at once. */
  renew(refresh: () => Promise<Renewal>): Promise<Renewal> {
    this.#renewal ??= refresh().finally(() => {
      this.#renewal = undefined;
    });
    return this.#renewal;
  }

  /**
   * Whether the session holds new tokens for a call sent in generation `seen`: at once if it was
   * renewed since (by a call that failed first), else after the one renewal all such calls share.
   */
  async renewedSince(seen: number, refresh: () => Promise<Renewal>): Promise<boolean> {
    if (seen !== this.#generation) return true;
    return "session" in (await this.renew(refresh));
  }
}
