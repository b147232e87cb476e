"use client";
// Name, email and password for an invited analyst; the server signs the new account in at once.
import { useState } from "react";
import type { WireError } from "@/lib/errors";
import { Problem } from "../ui/Problem";

const MIN_PASSWORD = 10;

export function SignUpForm() {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch("/api/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: form.get("name"), email: form.get("email"), password: form.get("password") }),
      });
      if (response.status === 201) return window.location.assign("/");
      setProblem(await describeRefusal(response));
    } catch {
      setProblem("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="sign-in-form sign-up-form" onSubmit={onSubmit}>
      <label>
        Name
        <input name="name" autoComplete="name" required maxLength={200} />
      </label>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          maxLength={128}
          aria-describedby="password-hint"
        />
        <span id="password-hint">At least {MIN_PASSWORD} characters.</span>
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Creating account…" : "Create account"}
      </button>
      <Problem message={problem} />
    </form>
  );
}

async function describeRefusal(response: Response): Promise<string> {
  if (response.status === 403) return "This address has no invitation; ask a board owner to invite you.";
  if (response.status === 429) return "Too many attempts; wait a moment and try again.";
  const body = (await response.json().catch(() => null)) as { error?: WireError } | null;
  const error = body?.error;
  if (!error) return "The account could not be created.";
  return error.issues?.length ? error.issues.map((issue) => issue.message).join("; ") : error.message;
}
