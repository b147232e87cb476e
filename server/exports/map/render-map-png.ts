// A map as a PNG with its aspect ratio, for documents that place the picture at a width of their own (the
// briefing PDF's map page, the deck's map slide). Runs where it is called: both callers are worker tasks.
import { pngSize } from "../charts/png-size";
import { rasterizeSvg } from "../charts/rasterize-svg";
import { type MapFileInput, renderMapSvg } from "./render-map-file";

export type MapPicture = { png: Buffer /** height / width */; aspectRatio: number };

export async function renderMapPng(input: Omit<MapFileInput, "format">): Promise<MapPicture> {
  const png = await rasterizeSvg(renderMapSvg(input));
  const { width, height } = pngSize(png);
  return { png, aspectRatio: height / width };
}
