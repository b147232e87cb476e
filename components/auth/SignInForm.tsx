"use client";
// Email + password form; on success goes to the page that asked for a session (same-site paths only).
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { safeNextPath } from "@/lib/safe-next-path";
import { Problem } from "../ui/Problem";

export function SignInForm() {
  const params = useSearchParams();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (response.ok) return window.location.assign(safeNextPath(params.get("next")));
      setProblem(
        response.status === 429 ? "Too many attempts; wait a moment and try again." : "Wrong email or password.",
      );
    } catch {
      setProblem("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="sign-in-form" onSubmit={onSubmit}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <Problem message={problem} />
    </form>
  );
}
