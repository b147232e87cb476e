// Re-anchors everything that points into a source's text in a new version of it (issues 14 and 15): its
// passage annotations and its candidates. Both are found the same way — from their quote, its context and
// the place they were last found (an orphan's is where it was chosen) — in ONE search (one worker call
// inside the revision's transaction), and each table then stores where its rows now are.
// source:revise, the upload and the demo seed's revision all end here.
import type { QuoteSelector } from "@/lib/anchoring";
import type { WireCandidateAnchor } from "@/lib/schemas/candidate";
import type { WireReanchor } from "@/lib/schemas/document";
import { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";

/** How the new text is searched: the worker pool on the server, the task's own function in the seed. */
export type AnchorPassages = (input: {
  text: string;
  selectors: QuoteSelector[];
}) => Promise<(Span | null)[]> | (Span | null)[];

export type Reanchored = { anchors: WireReanchor[]; candidates: WireCandidateAnchor[] };

type Span = { start: number; end: number };
type Anchorable = { id: string; selector: QuoteSelector };

export async function reanchorSource(options: {
  tx: TransactionClient;
  anchorPassages: AnchorPassages;
  sourceId: string;
  text: string;
  version: number;
}): Promise<Reanchored> {
  const { tx, anchorPassages, sourceId, text, version } = options;
  const passages = await passagesOf(tx, sourceId);
  const candidates = await candidatesOf(tx, sourceId);
  if (!passages.length && !candidates.length) return { anchors: [], candidates: [] };
  const spans = await anchorPassages({ text, selectors: [...passages, ...candidates].map((item) => item.selector) });
  const passageSpans = spans.slice(0, passages.length);
  const candidateSpans = spans.slice(passages.length);
  await storeAnchors(tx, Prisma.raw('"Annotation"'), version, passages, passageSpans);
  await storeAnchors(tx, Prisma.raw('"Candidate"'), version, candidates, candidateSpans);
  return {
    anchors: passages.map(({ id }, index): WireReanchor => {
      const span = passageSpans[index];
      return span ? { annotationId: id, status: "anchored", ...span } : { annotationId: id, status: "orphaned" };
    }),
    candidates: candidates.map(({ id }, index): WireCandidateAnchor => {
      const span = candidateSpans[index];
      return span ? { candidateId: id, status: "anchored", ...span } : { candidateId: id, status: "orphaned" };
    }),
  };
}

async function passagesOf(tx: TransactionClient, sourceId: string): Promise<Anchorable[]> {
  const rows = await tx.annotation.findMany({
    where: { sourceId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      quoteStart: true,
      quoteEnd: true,
      anchorStart: true,
      anchorEnd: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    selector: {
      exact: row.quoteExact ?? "",
      prefix: row.quotePrefix ?? "",
      suffix: row.quoteSuffix ?? "",
      start: row.anchorStart ?? row.quoteStart ?? 0,
      end: row.anchorEnd ?? row.quoteEnd ?? 0,
    },
  }));
}

async function candidatesOf(tx: TransactionClient, sourceId: string): Promise<Anchorable[]> {
  const rows = await tx.candidate.findMany({
    where: { sourceId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      anchorStart: true,
      anchorEnd: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    selector: {
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      start: row.anchorStart ?? row.start,
      end: row.anchorEnd ?? row.end,
    },
  }));
}

/** Stores each row's place in `version` (start and end null: lost there) in one statement. */
async function storeAnchors(
  tx: TransactionClient,
  table: Prisma.Sql,
  version: number,
  items: Anchorable[],
  spans: (Span | null | undefined)[],
): Promise<void> {
  if (!items.length) return;
  const rows = items.map(({ id }, index) => ({
    id,
    start: spans[index]?.start ?? null,
    end: spans[index]?.end ?? null,
  }));
  await tx.$executeRaw`
    UPDATE ${table} t SET "anchorVersion" = ${version}, "anchorStart" = x.start, "anchorEnd" = x."end"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, start int, "end" int)
    WHERE t.id = x.id`;
}
