// From a DOM selection in the document pane back to offsets in the version's text. Every run of text the
// pane draws carries its offset in `data-start` and holds exactly text.slice(start, end), so a point's
// offset is its run's start plus the characters before it in that run, counted from the text nodes
// themselves (Range.toString), never from innerText, which would fold whitespace and count page marks.

export const SEGMENT_SELECTOR = "[data-start]";

/** The offset in the document's text of a DOM point inside `root`; null when the point is outside it. */
export function offsetOfPoint(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const segment = element?.closest(SEGMENT_SELECTOR);
  const doc = root.ownerDocument;
  if (segment && root.contains(segment)) {
    const before = doc.createRange();
    before.setStart(segment, 0);
    before.setEnd(node, offset);
    return startOf(segment) + before.toString().length;
  }
  // A point between runs (at a paragraph's edge, on a page mark): the next run's start, else the last one's end.
  const point = doc.createRange();
  point.setStart(node, offset);
  const segments = [...root.querySelectorAll(SEGMENT_SELECTOR)];
  const after = segments.find((candidate) => point.comparePoint(candidate, 0) > 0);
  if (after) return startOf(after);
  const last = segments.at(-1);
  return last ? startOf(last) + (last.textContent ?? "").length : null;
}

/**
 * The passage a selection covers, without the whitespace at its ends (which draws as nothing between
 * paragraphs); null when it is empty or not within `root`.
 */
export function spanOfSelection(
  root: Element,
  selection: Selection,
  text: string,
): { start: number; end: number } | null {
  if (selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const from = offsetOfPoint(root, range.startContainer, range.startOffset);
  const to = offsetOfPoint(root, range.endContainer, range.endOffset);
  if (from === null || to === null) return null;
  return trimSpan(text, Math.min(from, to), Math.max(from, to));
}

export function trimSpan(text: string, from: number, to: number): { start: number; end: number } | null {
  let start = from;
  let end = Math.min(to, text.length);
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return end > start ? { start, end } : null;
}

function startOf(segment: Element): number {
  return Number(segment.getAttribute("data-start"));
}
