// SVG to PNG with resvg, off the event loop (renderAsync runs on libuv's thread pool), with only the
// export fonts loaded so the image is the same on every machine.
import { renderAsync } from "@resvg/resvg-js";
import { CHART_FONT_FAMILY } from "@/lib/charts/chart-palette";
import { EXPORT_FONTS } from "./export-fonts";

/** Pixels per SVG unit: charts are exported at twice their on-screen size, for sharp slides and print. */
export const PNG_SCALE = 2;

export async function rasterizeSvg(svg: string, scale: number = PNG_SCALE): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: {
      fontFiles: [EXPORT_FONTS.regular, EXPORT_FONTS.bold],
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
    },
    logLevel: "error",
  });
  return image.asPng();
}
