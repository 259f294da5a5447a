"use client";
// A Next.js client component: signs a new user up in two steps. The signup answers the same
// whether or not the email already has a user (so that the form cannot tell who is registered);
// the mailbox gets either a token or, for a registered email, a note to log in instead. The
// token, pasted back (or read from a link's ?token=), creates the user and starts a cookie
// session.
import { RateLimitError, ValidationError } from "@mark/sdk";
import { useState } from "react";
import { mark } from "../mark-browser.js";

export function SignupForm({ onSignedUp }: { onSignedUp: (email: string) => void }) {
  const [sentTo, setSentTo] = useState<string | undefined>();
  const [message, setMessage] = useState("");

  async function signUp(form: FormData) {
    try {
      const pending = await mark.auth.signup({ email: String(form.get("email")), password: String(form.get("password")) });
      setSentTo(pending.email);
      setMessage(`Check ${pending.email}: the message there tells you what to do next.`);
    } catch (e) {
      setMessage(problemText(e));
    }
  }

  async function confirm(form: FormData) {
    try {
      // session: "cookie" is the default on a client with credentials
      const session = await mark.auth.confirmSignup({ token: String(form.get("token")).trim() });
      onSignedUp(session.user.email);
    } catch (e) {
      setMessage(problemText(e));
    }
  }

  return sentTo === undefined ? (
    <form action={signUp}>
      <input name="email" type="email" autoComplete="username" required />
      <input name="password" type="password" autoComplete="new-password" minLength={12} required />
      <button>Sign up</button>
      <output>{message}</output>
    </form>
  ) : (
    <form action={confirm}>
      <input name="token" autoComplete="one-time-code" required />
      <button>Confirm</button>
      <output>{message}</output>
    </form>
  );
}

function problemText(e: unknown): string {
  if (e instanceof ValidationError && e.code === "invalid_signup_token") return "This token is used or expired: sign up again.";
  if (e instanceof ValidationError) return e.errors.map((f) => `${f.pointer}: ${f.message}`).join("; ") || e.message;
  if (e instanceof RateLimitError) return `Too many attempts: try again in ${Math.ceil((e.retryAfter ?? 60) / 60)} min.`;
  throw e;
}
