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
  /** Deepest nesting of a payload's objects and arrays. */
  payloadDepth: 16,
} as const;

export const ZUuid = z.uuid();

/** An ISO 8601 instant with an offset (e.g. "2022-01-10T09:00:00Z"). */
export const ZInstant = z.iso.datetime({ offset: true });

export const ZSeq = z.number().int().min(0);
