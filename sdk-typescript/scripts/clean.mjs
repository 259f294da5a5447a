// Empties dist/ before a build, so that a source file removed since leaves no stale output.
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
