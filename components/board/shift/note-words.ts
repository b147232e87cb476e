// One short sentence for screen readers when colleagues write (issue 19): "Bob replied to 'Troop build-up…'".
import type { AnnotationIndex } from "@/lib/annotation-index";
import type { WireOp } from "@/lib/ops";

const QUOTE_CHARS = 40;

/** The start of a note, on one line, cut at a word where it can be. */
export function quoteOf(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  if (line.length <= QUOTE_CHARS) return line;
  const cut = line.slice(0, QUOTE_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > QUOTE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The sentence for the newest colleague's note among `ops`, or null when none is by a colleague. */
export function announcementOf(
  ops: readonly WireOp[],
  userId: string,
  index: AnnotationIndex | undefined,
): string | null {
  const notes = ops.filter(
    (op): op is WireOp<"annotation.created"> => op.type === "annotation.created" && op.data.author.id !== userId,
  );
  const newest = notes.at(-1);
  if (!newest) return null;
  const note = newest.data;
  const more = notes.length > 1 ? ` (and ${notes.length - 1} more new notes)` : "";
  if (note.parentId) {
    const root = index?.byId.get(note.parentId);
    return `${note.author.name} replied to '${quoteOf(root?.body ?? "a thread")}'${more}.`;
  }
  return `${note.author.name} wrote '${quoteOf(note.body)}'${more}.`;
}
