// Building blocks of the wire schemas.
import { z } from "zod";

export const LIMITS = {
  annotationBody: 10_000,
  tagCount: 20,
  tagLength: 40,
  title: 200,
  description: 2_000,
  handling: 120,
  /** Largest socket message the server reads (bytes); bigger ones get PAYLOAD_TOO_LARGE. */
  socketMessageBytes: 256 * 1024,
  /** Largest JSON body the HTTP API reads (bytes). */
  httpBodyBytes: 256 * 1024,
  /** Longest document version (UTF-16 code units, as JavaScript counts a string's length): issue 14's 1 MiB. */
  documentText: 1024 * 1024,
  /** Largest socket message carrying a document (source:create, source:revise): 1 MiB of text as UTF-8 JSON. */
  documentMessageBytes: 4 * 1024 * 1024,
  /**
   * The socket transport's hard cap: messages between the limits above and this are answered with
   * PAYLOAD_TOO_LARGE; beyond it the transport closes the connection.
   */
  socketTransportBytes: 8 * 1024 * 1024,
  /** Largest file uploaded as a new document version (bytes). */
  documentUploadBytes: 5 * 1024 * 1024,
  /** Longest quote a passage target holds (UTF-16 code units). */
  passageQuote: 10_000,
  /** Deepest nesting of a payload's objects and arrays. */
  payloadDepth: 16,
  /** Most assessment ids one briefing deck URL names (ticked, or unticked with `all`): 300 fit Node's 16 KiB header limit. */
  deckAssessmentIds: 300,
} as const;

export const ZUuid = z.uuid();

/** NUL, or half of a UTF-16 surrogate pair: PostgreSQL cannot store them and UTF-8 cannot carry them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters this refuses.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text analysts write: refused rather than silently altered when it holds what cannot be stored. */
export const ZText = z.string().refine((text) => !UNSTORABLE.test(text), {
  message: "contains a character that cannot be stored (NUL or a broken surrogate pair)",
});

const EARLIEST = Date.UTC(1000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO 8601 instant with an offset (e.g. "2022-01-10T09:00:00Z"), in the years 1000–9999 (UTC). */
export const ZInstant = z.iso
  .datetime({ offset: true })
  .refine((iso) => Date.parse(iso) >= EARLIEST && Date.parse(iso) <= LATEST, {
    message: "outside the years 1000–9999",
  });

/** A document version's text: storable, at most LIMITS.documentText long. */
export const ZDocumentText = ZText.max(LIMITS.documentText, `a document has at most ${LIMITS.documentText} characters`);

export const ZSeq = z.number().int().min(0);

/** A document version's number: PostgreSQL stores it as a 4-byte integer, so a larger one is refused here. */
export const ZVersionNumber = z.number().int().min(1).max(2_147_483_647);
