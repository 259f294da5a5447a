// The browser's one client: the user's session cookies (credentials: "include"), no API key.
// Sharing it means the CSRF token it learns at login goes with every later write, and that calls
// finding the access cookie expired share one refresh. The page's origin must be one of the API's
// MARK_CORS_ORIGINS.
import { Mark } from "@mark/sdk";

export const mark = new Mark({ baseURL: "https://api.mark.dev", credentials: "include" });
