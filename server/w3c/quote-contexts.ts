// The prefix and suffix stored with each passage annotation on a board (issue 14), for the W3C export's
// TextQuoteSelectors: the board snapshot carries a passage's quote and span but not its context. They are
// read apart from the snapshot, so each is keyed to the span it was derived for: a passage moved by
// "attach here" in between gets no context rather than another span's.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { QuoteContext } from "../annotations/target-kinds";
import type { Database } from "../db/client";

/** By annotation id; plain data, so it crosses into the export's worker thread. */
export type QuoteContexts = Record<string, QuoteContext & { span: string }>;

const spanKey = (span: { version: number; start: number; end: number }) => `${span.version}:${span.start}:${span.end}`;

export async function readQuoteContexts(db: Database, boardId: string): Promise<QuoteContexts> {
  const rows = await db.annotation.findMany({
    where: { boardId, deletedAt: null, targetType: "source_span" },
    select: { id: true, sourceVersion: true, quoteStart: true, quoteEnd: true, quotePrefix: true, quoteSuffix: true },
  });
  const contexts: QuoteContexts = {};
  for (const row of rows) {
    const { sourceVersion: version, quoteStart: start, quoteEnd: end, quotePrefix, quoteSuffix } = row;
    if (version === null || start === null || end === null) continue;
    contexts[row.id] = { prefix: quotePrefix ?? "", suffix: quoteSuffix ?? "", span: spanKey({ version, start, end }) };
  }
  return contexts;
}

/** The stored context of a passage annotation, when it was stored for the span the annotation has. */
export function quoteContextIn(contexts: QuoteContexts | undefined) {
  return (annotation: WireAnnotation): QuoteContext | undefined => {
    const context = contexts?.[annotation.id];
    const { target } = annotation;
    if (!context || target.type !== "source-span" || context.span !== spanKey(target)) return undefined;
    return { prefix: context.prefix, suffix: context.suffix };
  };
}
