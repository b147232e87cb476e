// One line break, "\n", in every stored text: positions into the text then mean the same on every platform.
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
