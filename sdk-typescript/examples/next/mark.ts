import { Mark } from "@mark/sdk";

// One client for the whole server, built once from MARK_API_KEY and MARK_BASE_URL. Next.js
// patches the global fetch (caching, revalidation); the SDK uses whatever fetch is global, so
// `next: { revalidate }` and friends apply to its calls too.
export const mark = new Mark();
