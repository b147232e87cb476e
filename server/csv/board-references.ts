// How an import names the board's indicators and sources: by id, or by name (title for a source) —
// exactly, else ignoring case — refusing a name that fits more than one.
import type { Database } from "../db/client";

export type Resolved = { id: string } | { problem: string };
export type ReferenceIndex = { resolve: (nameOrId: string) => Resolved };
export type BoardReferences = { indicators: ReferenceIndex; sources: ReferenceIndex };

export async function loadBoardReferences(db: Database, boardId: string): Promise<BoardReferences> {
  const indicators = await db.indicator.findMany({ where: { boardId }, select: { id: true, name: true } });
  const sources = await db.source.findMany({ where: { boardId }, select: { id: true, title: true } });
  return {
    indicators: indexReferences("indicator", indicators),
    sources: indexReferences(
      "source",
      sources.map(({ id, title }) => ({ id, name: title })),
    ),
  };
}

function indexReferences(what: string, rows: { id: string; name: string }[]): ReferenceIndex {
  const ids = new Set(rows.map((row) => row.id));
  const byName = groupIds(rows, (name) => name);
  const byFoldedName = groupIds(rows, (name) => name.toLowerCase());
  const cache = new Map<string, Resolved>();
  const resolve = (key: string): Resolved => {
    if (ids.has(key.toLowerCase())) return { id: key.toLowerCase() };
    const matches = byName.get(key) ?? byFoldedName.get(key.toLowerCase()) ?? [];
    const [only, ...others] = matches;
    if (only && others.length === 0) return { id: only };
    if (only) return { problem: `${matches.length} ${what}s are named "${key}" on this board; use the id` };
    return { problem: `no ${what} named "${key}" on this board` };
  };
  return {
    // A file names the same few indicators on every row: resolve each spelling once.
    resolve: (key) => {
      let resolved = cache.get(key);
      if (!resolved) {
        resolved = resolve(key);
        cache.set(key, resolved);
      }
      return resolved;
    },
  };
}

function groupIds(rows: { id: string; name: string }[], keyOf: (name: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const key = keyOf(row.name.trim());
    const group = groups.get(key);
    if (group) group.push(row.id);
    else groups.set(key, [row.id]);
  }
  return groups;
}
