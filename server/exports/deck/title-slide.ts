// The title slide: which board, the date-time group of the export, the period, how to handle the
// deck, and who exported it.
import type PptxGenJS from "pptxgenjs";
import { formatUtc } from "@/lib/time";
import type { BriefingContent } from "../briefing/briefing-content";
import { dateTimeGroup } from "./date-time-group";
import { CONTENT, DECK_COLOR, FONT_FACE, MASTER, PAGE } from "./deck-layout";

const iso = (t: number) => formatUtc(new Date(t).toISOString());

export function addTitleSlide(
  pptx: PptxGenJS,
  content: BriefingContent,
  author: { name: string; exportedAt: Date; knownAtLine: string | null },
): void {
  const { board } = content.snapshot;
  const [start, end] = content.charts.domain;
  const slide = pptx.addSlide({ masterName: MASTER });
  const text = (value: string, options: PptxGenJS.TextPropsOptions) =>
    slide.addText(value, {
      x: PAGE.left,
      w: CONTENT.width,
      fontFace: FONT_FACE,
      color: DECK_COLOR.text,
      margin: 0,
      valign: "top",
      ...options,
    });
  text("BRIEFING", { y: 1.0, h: 0.35, fontSize: 14, bold: true, color: DECK_COLOR.muted, charSpacing: 2 });
  text(board.title, { y: 1.4, h: 1.1, fontSize: 36, bold: true, fit: "shrink" });
  // A deck of the board as it stood at an instant carries that instant where the export's own stands.
  text(author.knownAtLine?.toUpperCase() ?? dateTimeGroup(author.exportedAt), {
    y: 2.6,
    h: 0.6,
    fontSize: 28,
    bold: true,
    color: DECK_COLOR.accent,
  });
  if (board.handling.trim()) {
    text(board.handling, {
      y: 3.4,
      h: 0.6,
      fontSize: 16,
      bold: true,
      align: "center",
      valign: "middle",
      color: DECK_COLOR.handlingText,
      fill: { color: DECK_COLOR.handlingBackground },
    });
  }
  const rows: [string, string][] = [
    ["Period", `${iso(start)} – ${iso(end)} (UTC)`],
    ["Indicators", content.charts.panels.map((panel) => panel.indicator.name).join("; ") || "none"],
    ["Exported by", `${author.name}, ${formatUtc(author.exportedAt.toISOString())}`],
  ];
  slide.addTable(
    rows.map(([label, value]) => [
      { text: label, options: { color: DECK_COLOR.muted } },
      { text: value, options: { color: DECK_COLOR.text } },
    ]),
    { x: PAGE.left, y: 4.3, w: CONTENT.width, colW: [2, CONTENT.width - 2], fontFace: FONT_FACE, fontSize: 14 },
  );
}
