// Two flaws of the package pptxgenjs 4.0.1 writes, put right before the deck leaves the worker, so that
// PowerPoint opens it without offering a repair:
// - Shape ids: it numbers a table's frame `tableNumber × slideNumber + 1` and other shapes `index + 2`, so
//   a table on slide 1 shares id 2 with the slide's first text box, and its fixed id 25 for the slide
//   number can meet a 24th shape. Ids need only be unique within a slide (ECMA-376 Part 1, 19.3.1.12
//   cNvPr) and nothing in the deck refers to them (no animations, connectors or media), so each part's
//   shapes are renumbered 1, 2, 3… in document order.
// - [Content_Types].xml names a slide master per slide (/ppt/slideMasters/slideMaster2.xml, …) that the
//   package does not hold; overrides for absent parts are dropped.
import JSZip from "jszip";

const SLIDE_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides)\/[^/]+\.xml$/;
const SHAPE_ID = /(<p:cNvPr\b[^>]*?\bid=")\d+(")/g;
const OVERRIDE = /<Override\b[^>]*?\bPartName="\/([^"]+)"[^>]*\/>/g;
const CONTENT_TYPES = "[Content_Types].xml";

export async function tidyPptxPackage(pptx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pptx);
  for (const part of Object.keys(zip.files).filter((name) => SLIDE_PART.test(name))) {
    const xml = await zip.file(part)?.async("string");
    if (xml === undefined) continue;
    let next = 0;
    zip.file(
      part,
      xml.replace(SHAPE_ID, (_match, before: string, after: string) => `${before}${++next}${after}`),
    );
  }
  const types = await zip.file(CONTENT_TYPES)?.async("string");
  if (types !== undefined) {
    zip.file(
      CONTENT_TYPES,
      types.replace(OVERRIDE, (override, part: string) => (zip.file(part) ? override : "")),
    );
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
