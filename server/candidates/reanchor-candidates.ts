// Finds every candidate of a source in a new version of its document and stores where it is (issue 15):
// the same anchoring passage annotations get (save-source-version.ts), from the candidate's quote and
// context and its last place. source:revise and the demo seed's revision both call it in their change.
import type { QuoteSelector } from "@/lib/anchoring";
import type { WireCandidateAnchor } from "@/lib/schemas/candidate";
import type { TransactionClient } from "../db/transaction";
import type { AnchorPassages } from "../documents/anchor-passages";

export async function reanchorCandidates(
  tx: TransactionClient,
  anchorPassages: AnchorPassages,
  sourceId: string,
  text: string,
  version: number,
): Promise<WireCandidateAnchor[]> {
  const candidates = await tx.candidate.findMany({
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
  if (!candidates.length) return [];
  // Where it was last found is the best guess of where it is now; an orphan's is where it was extracted.
  const selectors: QuoteSelector[] = candidates.map((candidate) => ({
    exact: candidate.exact,
    prefix: candidate.prefix,
    suffix: candidate.suffix,
    start: candidate.anchorStart ?? candidate.start,
    end: candidate.anchorEnd ?? candidate.end,
  }));
  const spans = await anchorPassages({ text, selectors });
  const anchors: WireCandidateAnchor[] = candidates.map(({ id }, index) => {
    const span = spans[index];
    return span
      ? { candidateId: id, status: "anchored", start: span.start, end: span.end }
      : { candidateId: id, status: "orphaned" };
  });
  const rows = anchors.map((anchor) => ({
    id: anchor.candidateId,
    start: anchor.status === "anchored" ? anchor.start : null,
    end: anchor.status === "anchored" ? anchor.end : null,
  }));
  await tx.$executeRaw`
    UPDATE "Candidate" c SET "anchorVersion" = ${version}, "anchorStart" = x.start, "anchorEnd" = x."end"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, start int, "end" int)
    WHERE c.id = x.id`;
  return anchors;
}
