// Redis errors that retrying will not mend: REDIS_URL is wrong, Redis is not merely away. node-redis
// retries them like any other (and a node still starts, serving its own clients), but an operator must
// hear of them at once, not find a node silently apart from the others (issue 12).

export type RedisMisconfiguration = "credentials" | "host-not-found";

const MISCONFIGURATIONS: Record<RedisMisconfiguration, { matches: (error: unknown) => boolean; says: string }> = {
  // WRONGPASS: a wrong user or password; NOAUTH: Redis wants a password and REDIS_URL gives none.
  credentials: {
    matches: (error) => /^(WRONGPASS|NOAUTH)\b/.test(error instanceof Error ? error.message : ""),
    says: "Redis refused the credentials in REDIS_URL",
  },
  // ENOTFOUND is the DNS's "no such name"; its "try again" (EAI_AGAIN) may heal and is an outage.
  "host-not-found": {
    matches: (error) => (error as { code?: unknown } | null)?.code === "ENOTFOUND",
    says: "REDIS_URL's host name is not found",
  },
};

/** What is wrong with the configuration if `error` says so, else undefined (Redis may just be away). */
export function redisMisconfigurationOf(error: unknown): { kind: RedisMisconfiguration; says: string } | undefined {
  for (const [kind, { matches, says }] of Object.entries(MISCONFIGURATIONS)) {
    if (matches(error)) return { kind: kind as RedisMisconfiguration, says };
  }
  return undefined;
}
