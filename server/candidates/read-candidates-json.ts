// A source's candidates as JSON text written by PostgreSQL: the objects toWireCandidate builds, which go
// onto the socket as they are (server/realtime/pass-serialized-json.ts). A 200 KiB report has ~5,500
// candidates; hydrating them through Prisma and having Socket.IO walk and stringify 2 MB held the event loop
// tens of milliseconds per extraction, which live fan-out felt (docs/BENCHMARKS.md, "Extraction").
// tests/integration/candidates-json.test.ts holds the text equal to toWireCandidate's objects.
import type { WireCandidate } from "@/lib/schemas/candidate";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";
import { SerializedJson } from "../realtime/serialized-json";

/** One candidate as toWireCandidate writes it: the `meaning` column's fields, the kind, the rest. */
const CANDIDATE = Prisma.raw(`c.meaning || jsonb_build_object(
  'kind', c.kind, 'id', c.id, 'sourceId', c."sourceId", 'version', c.version,
  'start', c.start, 'end', c."end", 'exact', c.exact,
  'sentence', jsonb_build_object('start', c."sentenceStart", 'end', c."sentenceEnd"),
  'anchor', CASE WHEN c."anchorStart" IS NULL OR c."anchorEnd" IS NULL
      THEN jsonb_build_object('status', 'orphaned', 'version', c."anchorVersion")
      ELSE jsonb_build_object('status', 'anchored', 'version', c."anchorVersion", 'start', c."anchorStart",
        'end', c."anchorEnd") END,
  'status', c.status,
  'decidedBy', CASE WHEN u.id IS NULL THEN NULL ELSE jsonb_build_object('id', u.id, 'name', u.name) END,
  'decidedAt', to_char(c."decidedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'outcome', CASE
      WHEN c.status <> 'confirmed' OR c."evidenceAnnotationId" IS NULL THEN NULL
      WHEN c."eventId" IS NOT NULL
        THEN jsonb_build_object('type', 'event', 'eventId', c."eventId", 'evidenceId', c."evidenceAnnotationId")
      WHEN c."observationId" IS NOT NULL
        THEN jsonb_build_object('type', 'observation', 'observationId', c."observationId",
          'evidenceId', c."evidenceAnnotationId")
    END)`);

type Reader = Database | TransactionClient;

/** An answer whose candidates go onto the socket as PostgreSQL wrote them. */
export type WithCandidatesJson<A extends { candidates: WireCandidate[] }> = Omit<A, "candidates"> & {
  candidates: SerializedJson<WireCandidate[]>;
};

/**
 * Every candidate of the source (all versions and statuses), in the text order of the current version;
 * those lost there last, in the order of the text they came from (source:candidates).
 */
export async function readSourceCandidatesJson(db: Reader, sourceId: string): Promise<SerializedJson<WireCandidate[]>> {
  const [row] = await db.$queryRaw<{ text: string }[]>`
    SELECT coalesce(jsonb_agg(${CANDIDATE}
      ORDER BY c."anchorStart" ASC NULLS LAST, c."anchorEnd", c.version, c.start, c.kind), '[]')::text AS text
    FROM "Candidate" c LEFT JOIN "User" u ON u.id = c."decidedById"
    WHERE c."sourceId" = ${sourceId}::uuid`;
  return new SerializedJson(row?.text ?? "[]");
}

/**
 * The candidates that stand for what extraction finds in `version`: its own and, when it is the current
 * version, those of older versions anchored in it; in that version's text order (source:extract).
 */
export async function readVersionCandidatesJson(
  db: Reader,
  reading: { sourceId: string; version: number; currentVersion: number },
): Promise<SerializedJson<WireCandidate[]>> {
  const { sourceId, version, currentVersion } = reading;
  const olderAnchoredHere =
    version === currentVersion
      ? Prisma.sql`OR (c."anchorVersion" = ${version} AND c."anchorStart" IS NOT NULL)`
      : Prisma.empty;
  const [row] = await db.$queryRaw<{ text: string }[]>`
    SELECT coalesce(jsonb_agg(${CANDIDATE}
      ORDER BY CASE WHEN c.version = ${version} THEN c.start ELSE c."anchorStart" END,
        CASE WHEN c.version = ${version} THEN c."end" ELSE c."anchorEnd" END, c.kind), '[]')::text AS text
    FROM "Candidate" c LEFT JOIN "User" u ON u.id = c."decidedById"
    WHERE c."sourceId" = ${sourceId}::uuid AND (c.version = ${version} ${olderAnchoredHere})`;
  return new SerializedJson(row?.text ?? "[]");
}
