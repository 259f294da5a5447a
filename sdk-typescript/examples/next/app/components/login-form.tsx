"use client";
// A Next.js client component: logs the user in with a cookie session. The tokens stay in
// HttpOnly cookies that no script reads; the client keeps the session's CSRF token and sends it
// on every write.
import { AuthenticationError, RateLimitError } from "@mark/sdk";
import { useState } from "react";
import { mark } from "../mark-browser.js";

export function LoginForm({ onLoggedIn }: { onLoggedIn: (email: string) => void }) {
  const [message, setMessage] = useState("");

  async function logIn(form: FormData) {
    try {
      // session: "cookie" is the default on a client with credentials
      const session = await mark.auth.login({ email: String(form.get("email")), password: String(form.get("password")) });
      onLoggedIn(session.user.email);
    } catch (e) {
      if (e instanceof AuthenticationError) setMessage("Wrong email or password.");
      else if (e instanceof RateLimitError) setMessage(`Too many attempts: try again in ${Math.ceil((e.retryAfter ?? 60) / 60)} min.`);
      else throw e;
    }
  }

  return (
    <form action={logIn}>
      <input name="email" type="email" autoComplete="username" required />
      <input name="password" type="password" autoComplete="current-password" required />
      <button>Log in</button>
      <output>{message}</output>
    </form>
  );
}
