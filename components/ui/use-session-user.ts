"use client";
// The signed-in analyst, from better-auth's session endpoint (null while loading or when signed out).
import { useEffect, useState } from "react";

export type SessionUser = { id: string; name: string; email: string };

export function useSessionUser(): SessionUser | null {
  const [user, setUser] = useState<SessionUser | null>(null);
  useEffect(() => {
    fetch("/api/auth/get-session")
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: SessionUser } | null) => setUser(session?.user ?? null))
      .catch(() => setUser(null));
  }, []);
  return user;
}
