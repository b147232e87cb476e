"use client";
// The bar on every signed-in page: home link, the page's own items, the analyst and sign-out.
import Link from "next/link";
import { useSessionUser } from "./use-session-user";

export function AppHeader({ children }: { children?: React.ReactNode }) {
  const user = useSessionUser();
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
      {user ? (
        <span className="whoami" data-testid="whoami">
          {user.name}
        </span>
      ) : null}
      <button type="button" className="link-button" onClick={signOut}>
        Sign out
      </button>
    </header>
  );
}
