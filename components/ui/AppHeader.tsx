"use client";
// The bar on every signed-in page: home link, the page's own items, the analyst and sign-out.
import Link from "next/link";
import { useEffect, useState } from "react";

export function AppHeader({ children }: { children?: React.ReactNode }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    fetch("/api/auth/get-session")
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: { name?: string } } | null) => setName(session?.user?.name ?? null))
      .catch(() => setName(null));
  }, []);
  const signOut = async () => {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    window.location.assign("/sign-in");
  };
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Watchfloor
      </Link>
      {children}
      <span className="spacer" />
      {name ? (
        <span className="whoami" data-testid="whoami">
          {name}
        </span>
      ) : null}
      <button type="button" className="link-button" onClick={signOut}>
        Sign out
      </button>
    </header>
  );
}
