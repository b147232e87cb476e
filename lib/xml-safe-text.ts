// Text made fit for an XML 1.0 document (the deck's parts, the SVG exports). Analysts' text may hold control
// characters XML cannot carry at all, not even escaped (Word's Shift+Enter pastes a vertical tab); one of them
// makes the whole part malformed, so they are taken out here rather than refused when the text is stored.

/** Vertical tab and form feed: line breaks in the text they came from, so they stay line breaks. */
const LINE_BREAKS = /[\v\f]/g;

/**
 * The rest XML 1.0 forbids: C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF;
 * and half of a surrogate pair (stored text never has one, but this is the last gate before the file).
 */
const NOT_IN_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what it removes.
  /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML 1.0 cannot hold removed, vertical tabs and form feeds turned into "\n". */
export function xmlSafeText(text: string): string {
  return text.replace(LINE_BREAKS, "\n").replace(NOT_IN_XML, "");
}
