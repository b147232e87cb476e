// The key assessments the analyst chose: each with what it is about, the passage it quotes, its
// confidence and author (annotationLead, as the PDF prints it), continued on further slides when long.
import type PptxGenJS from "pptxgenjs";
import { annotationLead } from "../briefing/annotation-line";
import type { BriefingNote } from "../briefing/briefing-content";
import { shortenQuote } from "../briefing/briefing-passage";
import { CONTENT, DECK_COLOR, FONT_FACE, MASTER, PAGE, slideHeading } from "./deck-layout";
import { continuation, paginate, textHeight } from "./paginate";

const BAR_WIDTH = 0.06;
const INDENT = 0.2;
const GAP = 0.18;
const SIZE = { about: 10, lead: 12, body: 14 } as const;
const TEXT_WIDTH = CONTENT.width - INDENT;
/** About half a slide at the body's size, so one long judgement cannot run off its slide; the speaker notes hold it whole. */
const BODY_LIMIT = 900;

export function addAssessmentSlides(pptx: PptxGenJS, notes: BriefingNote[]): void {
  const room = CONTENT.bottom - (CONTENT.top + 1.0);
  const pages = notes.length === 0 ? [[]] : paginate(notes, (note) => noteHeight(note) + GAP, room);
  for (const [index, page] of pages.entries()) {
    const slide = pptx.addSlide({ masterName: MASTER });
    let y = slideHeading(
      slide,
      `Key assessments${continuation(index, pages.length)}`,
      "Analytic judgements, each with the confidence its author gave it.",
    );
    if (page.length === 0) {
      slide.addText("No assessments were chosen.", {
        x: PAGE.left,
        y,
        w: CONTENT.width,
        h: 0.4,
        fontFace: FONT_FACE,
        fontSize: 14,
        color: DECK_COLOR.muted,
        margin: 0,
      });
    }
    for (const note of page) {
      const height = noteHeight(note);
      slide.addShape("rect", {
        x: PAGE.left,
        y,
        w: BAR_WIDTH,
        h: height,
        fill: { color: DECK_COLOR.accent },
        line: { type: "none" },
      });
      slide.addText(noteRuns(note), {
        x: PAGE.left + INDENT,
        y,
        w: TEXT_WIDTH,
        h: height,
        fontFace: FONT_FACE,
        color: DECK_COLOR.text,
        valign: "top",
        margin: 0,
      });
      y += height + GAP;
    }
    if (page.some((note) => note.annotation.body.length > BODY_LIMIT)) {
      slide.addNotes(page.map((note) => `${annotationLead(note.annotation)}\n${note.annotation.body}`).join("\n\n"));
    }
  }
}

const bodyOnSlide = ({ annotation }: BriefingNote) =>
  annotation.body.length > BODY_LIMIT ? shortenQuote(annotation.body, BODY_LIMIT) : annotation.body;

function aboutLine({ about }: BriefingNote): string {
  return `On ${about}`;
}

function quoteLine({ passage }: BriefingNote): string | null {
  if (!passage) return null;
  const lost = passage.lostInVersion === null ? "" : `  (no longer found in version ${passage.lostInVersion})`;
  return `“${passage.quote}”${lost}`;
}

function noteHeight(note: BriefingNote): number {
  const quote = quoteLine(note);
  return (
    textHeight(aboutLine(note), SIZE.about, TEXT_WIDTH) +
    (quote ? textHeight(quote, SIZE.about, TEXT_WIDTH) : 0) +
    textHeight(annotationLead(note.annotation), SIZE.lead, TEXT_WIDTH) +
    textHeight(bodyOnSlide(note), SIZE.body, TEXT_WIDTH)
  );
}

function noteRuns(note: BriefingNote): PptxGenJS.TextProps[] {
  const quote = quoteLine(note);
  return [
    { text: aboutLine(note), options: { fontSize: SIZE.about, color: DECK_COLOR.muted, breakLine: true } },
    ...(quote ? [{ text: quote, options: { fontSize: SIZE.about, italic: true, breakLine: true } }] : []),
    { text: annotationLead(note.annotation), options: { fontSize: SIZE.lead, bold: true, breakLine: true } },
    { text: bodyOnSlide(note), options: { fontSize: SIZE.body } },
  ];
}
