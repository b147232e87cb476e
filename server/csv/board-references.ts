// How an import names the board's indicators and sources: by id, or by name (title for a source) —
// exactly, else ignoring case — refusing a name that fits more than one.
import type { Database } from "../db/client";

export type Resolved = { id: string } | { problem: string };
export type ReferenceIndex = { resolve: (nameOrId: string) => Resolved };
export type BoardReferences = { indicators: ReferenceIndex; sources: ReferenceIndex };

/** The names an import may use, as plain rows: read on the main thread, indexed in a worker. */
export type BoardReferenceRows = { indicators: NamedRow[]; sources: NamedRow[] };
type NamedRow = { id: string; name: string };

export async function readBoardReferenceRows(db: Database, boardId: string): Promise<BoardReferenceRows> {
  const indicators = await db.indicator.findMany({ where: { boardId }, select: { id: true, name: true } });
  const sources = await db.source.findMany({ where: { boardId }, select: { id: true, title: true } });
  return { indicators, sources: sources.map(({ id, title }) => ({ id, name: title })) };
}

export function indexBoardReferences(rows: BoardReferenceRows): BoardReferences {
  return {
    indicators: indexReferences("indicator", rows.indicators),
    sources: indexReferences("source", rows.sources),
  };
}

function indexReferences(what: string, rows: NamedRow[]): ReferenceIndex {
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

function groupIds(rows: NamedRow[], keyOf: (name: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const key = keyOf(row.name.trim());
    const group = groups.get(key);
    if (group) group.push(row.id);
    else groups.set(key, [row.id]);
  }
  return groups;
}
