// The board's handling line (its security marking) as a band across an exported figure's top or bottom
// edge: one drawing for the chart figure and the map export, so the marking looks the same on both.
import type { ChartPalette } from "@/lib/charts/chart-palette";
import { FIGURE_PADDING, HANDLING_BAND_HEIGHT } from "@/lib/charts/figure-layout";
import { fitText } from "@/lib/charts/figure-text";

export function HandlingBand({
  y,
  width,
  text,
  palette,
}: {
  y: number;
  width: number;
  text: string;
  palette: ChartPalette;
}) {
  return (
    <g transform={`translate(0 ${y})`}>
      <rect width={width} height={HANDLING_BAND_HEIGHT} fill={palette.handlingBackground} />
      <text
        x={width / 2}
        y={15}
        textAnchor="middle"
        fontSize={11}
        fontWeight={700}
        letterSpacing={1}
        fill={palette.handlingText}
      >
        {fitText(text, width - 2 * FIGURE_PADDING, 12, "bold")}
      </text>
    </g>
  );
}
