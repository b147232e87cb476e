// A list as a table that continues on further slides, its header row repeated on each: the timeline
// and the sources use it.
import type PptxGenJS from "pptxgenjs";
import { CONTENT, DECK_COLOR, FONT_FACE, MASTER, PAGE, slideHeading } from "./deck-layout";
import { continuation, paginate, textHeight } from "./paginate";

/** A cell's text, and a muted second line under it (a source's publisher under its title). */
export type Cell = { text: string; detail?: string };
/** Widths in inches; they add up to the content width. */
export type Column<Row> = { title: string; width: number; cell: (row: Row) => Cell };

const FONT_SIZE = 11;
/** The cell's top and bottom margins and the row's rule. */
const ROW_PADDING = 0.1;
/** pptxgenjs' default left and right cell margins. */
const CELL_SIDE_MARGINS = 0.2;

export function addTableSlides<Row>(
  pptx: PptxGenJS,
  table: { title: string; subtitle: string; columns: Column<Row>[]; rows: readonly Row[]; emptyText: string },
): void {
  const header = table.columns.map((column) => ({ text: column.title }));
  const heightOf = (cells: Cell[]) =>
    Math.max(
      ...cells.map((cell, index) => {
        const width = (table.columns[index]?.width ?? 1) - CELL_SIDE_MARGINS;
        return textHeight(cell.detail ? `${cell.text}\n${cell.detail}` : cell.text, FONT_SIZE, width);
      }),
    ) + ROW_PADDING;
  const rows = table.rows.map((row) => table.columns.map((column) => column.cell(row)));
  const room = CONTENT.bottom - (CONTENT.top + 1.0) - heightOf(header);
  const pages = rows.length === 0 ? [[]] : paginate(rows, heightOf, room);
  for (const [index, page] of pages.entries()) {
    const slide = pptx.addSlide({ masterName: MASTER });
    const top = slideHeading(slide, `${table.title}${continuation(index, pages.length)}`, table.subtitle);
    if (page.length === 0) {
      slide.addText(table.emptyText, {
        x: PAGE.left,
        y: top,
        w: CONTENT.width,
        h: 0.4,
        fontFace: FONT_FACE,
        fontSize: 14,
        color: DECK_COLOR.muted,
        margin: 0,
      });
      continue;
    }
    slide.addTable([headerRow(header), ...page.map(bodyRow)], {
      x: PAGE.left,
      y: top,
      w: CONTENT.width,
      colW: table.columns.map((column) => column.width),
      fontFace: FONT_FACE,
      fontSize: FONT_SIZE,
      color: DECK_COLOR.text,
      valign: "top",
      border: { type: "solid", pt: 0.5, color: DECK_COLOR.rule },
    });
  }
}

function headerRow(cells: Cell[]): PptxGenJS.TableRow {
  return cells.map((cell) => ({
    text: cell.text,
    options: { bold: true, color: DECK_COLOR.muted, fill: { color: "F2F4F6" } },
  }));
}

function bodyRow(cells: Cell[]): PptxGenJS.TableRow {
  return cells.map((cell) =>
    cell.detail
      ? {
          text: [
            { text: cell.text, options: { breakLine: true } },
            { text: cell.detail, options: { color: DECK_COLOR.muted, fontSize: FONT_SIZE - 1 } },
          ],
        }
      : { text: cell.text },
  );
}
