// The deck's page: 16:9 widescreen (13.33 × 7.5 in), one master that carries the handling line at the
// top and bottom edge and the footer on every slide, the house colours, and where content may go.
import type PptxGenJS from "pptxgenjs";
import { CHART_PALETTES } from "@/lib/charts/chart-palette";

export const MASTER = "WATCHFLOOR_BRIEFING";

/** Inches. Content sits between the top band and the footer. */
export const PAGE = { width: 13.333, height: 7.5, left: 0.5, right: 0.5 } as const;
export const CONTENT = { top: 0.55, bottom: 6.6, width: PAGE.width - PAGE.left - PAGE.right } as const;

/** Arial: PowerPoint has it everywhere and LibreOffice swaps in the metric-compatible Liberation Sans. */
export const FONT_FACE = "Arial";

const paper = CHART_PALETTES.paper;
const hex = (color: string) => color.replace("#", "").toUpperCase();
export const DECK_COLOR = {
  text: hex(paper.text),
  muted: hex(paper.muted),
  accent: hex(paper.accent),
  rule: "D5DBE1",
  handlingBackground: hex(paper.handlingBackground),
  handlingText: hex(paper.handlingText),
} as const;

const BAND = { height: 0.28, topY: 0.1, bottomY: 7.12 } as const;

/**
 * The master every slide uses, so the handling line is on every slide by construction (and stays when
 * an analyst adds one in PowerPoint): amber bands top and bottom, the footer, the slide number.
 */
export function defineDeckMaster(pptx: PptxGenJS, frame: { handling: string; footer: string }): void {
  const handling = frame.handling.trim();
  const band = (y: number): NonNullable<PptxGenJS.SlideMasterProps["objects"]> =>
    handling
      ? [
          {
            text: {
              text: handling,
              options: {
                x: PAGE.left,
                y,
                w: CONTENT.width,
                h: BAND.height,
                fill: { color: DECK_COLOR.handlingBackground },
                color: DECK_COLOR.handlingText,
                fontFace: FONT_FACE,
                fontSize: 10,
                bold: true,
                align: "center",
                valign: "middle",
                margin: 0,
              },
            },
          },
        ]
      : [{ line: { x: PAGE.left, y: y + BAND.height / 2, w: CONTENT.width, h: 0, line: { color: DECK_COLOR.rule } } }];
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: "FFFFFF" },
    objects: [
      ...band(BAND.topY),
      ...band(BAND.bottomY),
      {
        text: {
          text: frame.footer,
          options: {
            x: PAGE.left,
            y: 6.74,
            w: CONTENT.width - 1.2,
            h: 0.3,
            fontFace: FONT_FACE,
            fontSize: 9,
            color: DECK_COLOR.muted,
            valign: "middle",
            margin: 0,
          },
        },
      },
    ],
    slideNumber: {
      x: PAGE.width - PAGE.right - 1,
      y: 6.74,
      w: 1,
      h: 0.3,
      fontFace: FONT_FACE,
      fontSize: 9,
      color: DECK_COLOR.muted,
      align: "right",
    },
  });
}

/** A slide's heading, and an optional muted line under it; returns where the content below may start. */
export function slideHeading(slide: PptxGenJS.Slide, title: string, subtitle?: string): number {
  slide.addText(title, {
    x: PAGE.left,
    y: CONTENT.top,
    w: CONTENT.width,
    h: 0.55,
    fontFace: FONT_FACE,
    fontSize: 24,
    bold: true,
    color: DECK_COLOR.text,
    valign: "top",
    margin: 0,
    fit: "shrink",
  });
  if (!subtitle) return CONTENT.top + 0.7;
  slide.addText(subtitle, {
    x: PAGE.left,
    y: CONTENT.top + 0.55,
    w: CONTENT.width,
    h: 0.32,
    fontFace: FONT_FACE,
    fontSize: 12,
    color: DECK_COLOR.muted,
    valign: "top",
    margin: 0,
  });
  return CONTENT.top + 1.0;
}
