// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a
// note such as `=HYPERLINK(...)` in an export could act when opened (OWASP "CSV injection").
// Exported text cells that could start a formula get a leading apostrophe, which spreadsheets show as
// text and hide. Text that already starts with apostrophes before such a character gets one more, so
// unguardFormula undoes guardFormula exactly and exports round-trip. Numbers are never guarded.

const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of guardFormula: imports apply it to text cells, so an export re-imports unchanged. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
