// The public surface of @mark/sdk.
//
// src/gen/ is generated from openapi.yaml (git-ignored, rebuilt by Maven); hand-written public
// primitives (client, errors, retries, pagination) go in src/core/ and private helpers in
// src/internal/, never in src/gen/. Until src/core/ exists the generated client is the API.
export * from "./gen/index.js";
