// How long a candidate change's transaction may last. Each one waits for a revision in progress on its
// source (the revision holds the source's row while it re-anchors every passage and candidate, for up to
// its own 60 s; measured 9.9 s for a 1 MiB document with 27,563 candidates), and extracting a long
// document writes its rows and op inside the change (4.6 s for that document). Prisma's default of 5 s
// expired them mid-wait and answered UNAVAILABLE (tests/integration/candidates-review.test.ts).
export const WAITS_FOR_REVISION = { timeout: 60_000 };
