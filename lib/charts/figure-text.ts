// Text sizing for figures drawn without a browser to measure in. DejaVu Sans, the export font, is a
// wide face: these factors over-estimate a little so estimated lines never overrun their space.

const AVERAGE_ADVANCE = { regular: 0.6, bold: 0.68 } as const;

export type Weight = keyof typeof AVERAGE_ADVANCE;

export function estimateTextWidth(text: string, fontSize: number, weight: Weight = "regular"): number {
  return [...text].length * fontSize * AVERAGE_ADVANCE[weight];
}

/** The text cut to fit maxWidth, ending in "…" when cut. */
export function fitText(text: string, maxWidth: number, fontSize: number, weight: Weight = "regular"): string {
  if (estimateTextWidth(text, fontSize, weight) <= maxWidth) return text;
  const characters = [...text];
  const fitting = Math.max(0, Math.floor(maxWidth / (fontSize * AVERAGE_ADVANCE[weight])) - 1);
  return `${characters.slice(0, fitting).join("").trimEnd()}…`;
}
