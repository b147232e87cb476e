// What a stored annotation carries besides its id, board, target, body and times, for the payloads the
// baselines send or store in place of Watchfloor's (the bare Socket.IO server, the bare pg loop), so
// both sides move the same bytes.
export const BARE_ANNOTATION_FIELDS = {
  author: { id: "baseline-author-0000000000000", name: "Baseline Analyst" },
  kind: "note",
  confidence: null,
  tags: [],
  parentId: null,
  version: 1,
  resolvedAt: null,
  resolvedBy: null,
  automatic: false,
  mentions: [],
} as const;
