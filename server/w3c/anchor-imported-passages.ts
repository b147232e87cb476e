// Imported passage targets (issue 14) put on the text the board has now. A Web Annotation's quote,
// prefix, suffix and position describe the document as its writer saw it, perhaps a version this board
// never had (another tool, an older export): each is anchored in its source's current version with
// lib/anchoring (in the worker pool, task "reanchor"), the position as the expected place.
// - Anchored: the passage becomes that span of the current version, its quote the text there, its context
//   derived as annotation:create derives it.
// - Not anchored: the note is imported all the same, orphaned in the current version with the quote,
//   prefix and suffix it came with, so nothing of it is lost and "attach here" or a later revision can
//   place it. Its span then says where the import expected it, not where the quote is.
// - A source without a document has nothing to anchor in: refused, as a span on no text cannot be told.
import { type QuoteSelector, selectorFor, type Span } from "@/lib/anchoring";
import type { PassageFacts, PassageTarget } from "../documents/passage-check";
import type { TransactionClient } from "../db/transaction";
import type { WorkerPool } from "../workers/create-worker-pool";
import type { ImportDraft, IssuePath } from "./from-web-annotation";

/** A passage as it will be written: its target on the current version, and the columns stored with it. */
export type AnchoredPassage = { target: PassageTarget; facts: PassageFacts };

type CurrentText = { sourceId: string; version: number; text: string | null };

/**
 * Each passage draft's target anchored in the current version, by draft. Drafts on a source of another
 * board are left out: the board check names them (find-target-problems.ts).
 */
export async function anchorImportedPassages(
  tx: TransactionClient,
  workers: Pick<WorkerPool, "run">,
  options: {
    boardId: string;
    drafts: ImportDraft[];
    report: (draft: ImportDraft, where: IssuePath, message: string) => void;
  },
): Promise<Map<ImportDraft, AnchoredPassage>> {
  const passages = options.drafts.flatMap((draft) =>
    draft.target?.type === "source-span" ? [{ draft, target: draft.target }] : [],
  );
  const anchored = new Map<ImportDraft, AnchoredPassage>();
  if (!passages.length) return anchored;
  const texts = await readCurrentTexts(tx, options.boardId, [
    ...new Set(passages.map(({ target }) => target.sourceId)),
  ]);
  for (const { draft, target } of passages)
    if (!texts.has(target.sourceId)) options.report(draft, targetPathOf(draft), "no such source on this board");
  for (const [sourceId, current] of texts) {
    const onSource = passages.filter(({ target }) => target.sourceId === sourceId);
    const { text } = current;
    if (text === null) {
      for (const { draft } of onSource)
        options.report(draft, targetPathOf(draft), "this source has no document to anchor the passage in");
      continue;
    }
    const selectors = onSource.map(({ draft, target }) => selectorOf(draft, target, text));
    const spans = await workers.run("reanchor", { text, selectors });
    onSource.forEach(({ draft, target }, index) => {
      const span = spans[index] ?? null;
      anchored.set(draft, anchoredPassage(target, current.version, text, selectors[index] as QuoteSelector, span));
    });
  }
  return anchored;
}

function anchoredPassage(
  claim: PassageTarget,
  version: number,
  text: string,
  selector: QuoteSelector,
  span: Span | null,
): AnchoredPassage {
  if (!span) {
    return {
      target: { ...claim, version, start: selector.start, end: selector.end },
      facts: {
        quotePrefix: selector.prefix,
        quoteSuffix: selector.suffix,
        anchorVersion: version,
        anchorStart: null,
        anchorEnd: null,
      },
    };
  }
  const { exact, prefix, suffix } = selectorFor(text, span.start, span.end);
  return {
    target: { type: "source-span", sourceId: claim.sourceId, version, start: span.start, end: span.end, exact },
    facts: {
      quotePrefix: prefix,
      quoteSuffix: suffix,
      anchorVersion: version,
      anchorStart: span.start,
      anchorEnd: span.end,
    },
  };
}

/**
 * The import's quote and context, expected where its TextPositionSelector says; without one, at the
 * quote's only occurrence if it has just one, else at the start (which anchors nothing by position alone).
 */
function selectorOf(draft: ImportDraft, claim: PassageTarget, text: string): QuoteSelector {
  const only = text.indexOf(claim.exact) === text.lastIndexOf(claim.exact) ? text.indexOf(claim.exact) : -1;
  const start = draft.passage?.positioned ? claim.start : Math.max(only, 0);
  return {
    exact: claim.exact,
    prefix: draft.passage?.prefix ?? "",
    suffix: draft.passage?.suffix ?? "",
    start,
    end: start + claim.exact.length,
  };
}

/** The current version's text of each of the board's sources named; null for a source without a document. */
async function readCurrentTexts(
  tx: TransactionClient,
  boardId: string,
  sourceIds: string[],
): Promise<Map<string, CurrentText>> {
  const rows = await tx.$queryRaw<CurrentText[]>`
    SELECT s.id AS "sourceId", s."currentVersion" AS version, v.text
    FROM "Source" s
    LEFT JOIN "SourceVersion" v ON v."sourceId" = s.id AND v.version = s."currentVersion"
    WHERE s."boardId" = ${boardId}::uuid AND s.id = ANY(${sourceIds}::uuid[])`;
  return new Map(rows.map((row) => [row.sourceId, row]));
}

function targetPathOf(draft: ImportDraft): IssuePath {
  return draft.parentSourceId ? ["watchfloor:target"] : ["target"];
}
