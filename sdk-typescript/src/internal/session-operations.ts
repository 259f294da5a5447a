import { OPERATIONS } from "../gen/mark/operations.js";
import type { Operation, SessionTrait } from "./operation.js";

/** The operation that renews the caller's session (`x-mark-session: renew`): the automatic refresh. */
export const RENEW_SESSION: Operation = sessionOperation("renew");

/** The one that shows it (`x-mark-session: show`): where a lost CSRF token is asked for again. */
export const SHOW_SESSION: Operation = sessionOperation("show");

function sessionOperation(trait: SessionTrait): Operation {
  const found = OPERATIONS.find((operation) => operation.session === trait);
  if (found === undefined) throw new Error(`Mark: openapi.yaml has no operation with x-mark-session: ${trait}`);
  return found;
}
