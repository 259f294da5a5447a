/** The path of one dataset, its ID escaped so that no input can reach another route. */
export function datasetPath(datasetId: string, suffix = ""): string {
  return `/v1/datasets/${encodeURIComponent(datasetId)}${suffix}`;
}

/** The session's user, environment and (in cookie mode) CSRF token. */
export const ME_PATH = "/v1/me";

/** Where a session is renewed: its refresh token (or cookie) for new tokens. */
export const REFRESH_PATH = "/v1/auth/refresh";
