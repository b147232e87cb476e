// source:extract — proposes the dates, figures and names in a version of a source's document (issue 15).
// The engine runs in the worker pool before the transaction (it holds no connection while it reads a long
// text); the change then locks the source, stores the candidates not already there (the unique key makes
// a second run propose nothing twice, and a rejected one stay rejected) and logs one candidate.proposed op
// with only the new ones. It answers every candidate that stands for that version (docs/realtime.md,
// "Candidates").
import { selectorFor } from "@/lib/anchoring";
import type { ExtractedCandidate, SourceExtractAnswer, WireCandidate } from "@/lib/schemas/candidate";
import { CANDIDATES_IN_OP, ZSourceExtract } from "@/lib/schemas/candidate";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import type { TransactionClient } from "../db/transaction";
import { AppError, parseInput } from "../errors";
import { type Admission, admitBoardChange, commitBoardChange } from "../ops/commit-board-change";
import { SerializedJson } from "../realtime/serialized-json";
import { oneExtractionEach } from "./one-extraction-each";
import { readVersionCandidatesJson, type WithCandidatesJson } from "./read-candidates-json";
import { CANDIDATE_INCLUDE, meaningOf, toWireCandidate } from "./to-wire-candidate";
import { WAITS_FOR_REVISION } from "./waits-for-revision";

/** What the change needs of the source, read before the engine runs and checked again under the lock. */
type Reading = { sourceId: string; version: number; currentVersion: number };

export async function extractSourceCandidates(options: {
  domain: BaseDomain;
  actor: Actor;
  input: unknown;
}): Promise<WithCandidatesJson<SourceExtractAnswer>> {
  const { domain, actor } = options;
  const input = parseInput(ZSourceExtract, options.input);
  // Authorized and charged a write token before the engine spends CPU, even when nothing turns out new.
  const admission = await admitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { action: "content.write" },
  });
  const source = await domain.db.source.findFirst({
    where: { id: input.id, boardId: input.boardId },
    select: { publishedAt: true, currentVersion: true },
  });
  if (!source) throw new AppError("NOT_FOUND", "No such source");
  const version = input.version ?? source.currentVersion;
  if (version === 0) throw new AppError("NOT_FOUND", "This source holds no document yet");
  if (!source.publishedAt)
    throw new AppError("VALIDATION", "the document's publication date is needed to resolve its dates", [
      { path: ["publishedAt"], message: "the source has no publication date" },
    ]);
  const texts = await readTexts(domain, input.id, version, source.currentVersion);
  const publishedAt = source.publishedAt.toISOString().slice(0, 10);
  const reading: Reading = { sourceId: input.id, version, currentVersion: source.currentVersion };
  // Only the engine's run and what follows are one at a time: bad input is refused as such before.
  return oneExtractionEach(actor, () =>
    proposeFound({ domain, actor, boardId: input.boardId, admission, reading, texts, publishedAt }),
  );
}

/** Runs the engine and stores, in one board change, what it found that is not there yet. */
async function proposeFound(options: {
  domain: BaseDomain;
  actor: Actor;
  boardId: string;
  admission: Admission;
  reading: Reading;
  texts: { text: string; current: string };
  publishedAt: string;
}): Promise<WithCandidatesJson<SourceExtractAnswer>> {
  const { domain, actor, boardId, admission, reading, texts, publishedAt } = options;
  const { sourceId, version } = reading;
  const extracted = (await domain.workers.run("extract-candidates", { text: texts.text, publishedAt })).filter(
    // Only what is truly the text at its span is stored: its quote is what anchoring will look for.
    (candidate) => texts.text.slice(candidate.start, candidate.end) === candidate.exact,
  );
  const rows = await candidateRows(domain, extracted, texts, reading);

  let all = new SerializedJson<WireCandidate[]>("[]");
  let boardSeq = 0;
  const ops = await commitBoardChange({
    domain,
    actor,
    boardId,
    authority: admission,
    transaction: WAITS_FOR_REVISION,
    change: async (tx) => {
      await lockSourceAt(tx, sourceId, reading.currentVersion);
      const inserted = await insertCandidates(tx, boardId, reading, rows);
      all = await readVersionCandidatesJson(tx, reading);
      boardSeq = (await tx.board.findUniqueOrThrow({ where: { id: boardId }, select: { lastSeq: true } })).lastSeq;
      if (!inserted.size) return [];
      const carried = inserted.size <= CANDIDATES_IN_OP ? { candidates: await candidatesIn(tx, inserted) } : {};
      return [
        {
          type: "candidate.proposed",
          entityId: sourceId,
          data: { sourceId, version, count: inserted.size, ...carried },
        },
      ] as const;
    },
  });
  return { version, candidates: all, seq: ops[0]?.seq ?? boardSeq };
}

/** The text to extract from and, when that is an older version, the current one to anchor the candidates in. */
async function readTexts(
  domain: BaseDomain,
  sourceId: string,
  version: number,
  currentVersion: number,
): Promise<{ text: string; current: string }> {
  const versions = await domain.db.sourceVersion.findMany({
    where: { sourceId, version: { in: [...new Set([version, currentVersion])] } },
    select: { version: true, text: true },
  });
  const textOf = (wanted: number) => versions.find((row) => row.version === wanted)?.text;
  const text = textOf(version);
  const current = textOf(currentVersion);
  if (text === undefined || current === undefined)
    throw new AppError("NOT_FOUND", `This source has no version ${version}`);
  return { text, current };
}

type CandidateInsert = {
  id: string;
  kind: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  sentenceStart: number;
  sentenceEnd: number;
  meaning: Record<string, unknown>;
  anchorStart: number | null;
  anchorEnd: number | null;
};

/**
 * The rows to offer the table: context ~32 characters each side (as passages keep), and the anchor in
 * the current version — the span itself there, else found by the re-anchoring task (in the worker pool).
 */
async function candidateRows(
  domain: BaseDomain,
  extracted: ExtractedCandidate[],
  { text, current }: { text: string; current: string },
  reading: Reading,
): Promise<CandidateInsert[]> {
  const selectors = extracted.map((candidate) => selectorFor(text, candidate.start, candidate.end));
  const anchors =
    reading.version === reading.currentVersion || !extracted.length
      ? extracted.map(({ start, end }) => ({ start, end }))
      : await domain.workers.run("reanchor", { text: current, selectors });
  return extracted.map((candidate, index) => ({
    id: crypto.randomUUID(),
    kind: candidate.kind,
    start: candidate.start,
    end: candidate.end,
    exact: candidate.exact,
    prefix: selectors[index]?.prefix ?? "",
    suffix: selectors[index]?.suffix ?? "",
    sentenceStart: candidate.sentence.start,
    sentenceEnd: candidate.sentence.end,
    meaning: meaningOf(candidate),
    anchorStart: anchors[index]?.start ?? null,
    anchorEnd: anchors[index]?.end ?? null,
  }));
}

/**
 * Waits for a revision in progress and refuses to store anchors computed for a version that is no longer
 * the current one (the analyst runs it again).
 */
async function lockSourceAt(tx: TransactionClient, sourceId: string, currentVersion: number): Promise<void> {
  const [locked] = await tx.$queryRaw<{ currentVersion: number }[]>`
    SELECT "currentVersion" FROM "Source" WHERE id = ${sourceId}::uuid FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND", "No such source");
  if (locked.currentVersion !== currentVersion)
    throw new AppError(
      "CONFLICT",
      `The document was revised to version ${locked.currentVersion} while it was read: find its candidates again`,
    );
}

/**
 * Inserts the candidates not already there: not the same span of the same version (the unique key), nor
 * one an older version's candidate of the same kind was re-anchored to in the current version (so finding
 * candidates again after a revision does not propose again what is already proposed, confirmed or
 * rejected there). Answers the ids written.
 */
async function insertCandidates(
  tx: TransactionClient,
  boardId: string,
  reading: Reading,
  rows: CandidateInsert[],
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const written = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Candidate" (id, "boardId", "sourceId", version, kind, start, "end", exact, prefix, suffix,
      "sentenceStart", "sentenceEnd", meaning, "anchorVersion", "anchorStart", "anchorEnd")
    SELECT x.id, ${boardId}::uuid, ${reading.sourceId}::uuid, ${reading.version}, x.kind, x.start, x."end", x.exact,
      x.prefix, x.suffix, x."sentenceStart", x."sentenceEnd", x.meaning, ${reading.currentVersion}, x."anchorStart",
      x."anchorEnd"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, kind "CandidateKind", start int, "end" int,
      exact text, prefix text, suffix text, "sentenceStart" int, "sentenceEnd" int, meaning jsonb, "anchorStart" int,
      "anchorEnd" int)
    WHERE NOT EXISTS (
      SELECT 1 FROM "Candidate" c
      WHERE c."sourceId" = ${reading.sourceId}::uuid AND c.version <> ${reading.version} AND c.kind = x.kind
        AND c."anchorVersion" = ${reading.currentVersion} AND c."anchorStart" = x."anchorStart"
        AND c."anchorEnd" = x."anchorEnd")
    ON CONFLICT ("sourceId", version, kind, start, "end") DO NOTHING
    RETURNING id`;
  return new Set(written.map((row) => row.id));
}

/** The new candidates, for the op that proposes them, in text order (ties: date, figure, name). */
async function candidatesIn(tx: TransactionClient, ids: Set<string>): Promise<WireCandidate[]> {
  const rows = await tx.candidate.findMany({
    where: { id: { in: [...ids] } },
    orderBy: [{ start: "asc" }, { end: "asc" }, { kind: "asc" }],
    include: CANDIDATE_INCLUDE,
  });
  return rows.map(toWireCandidate);
}
