// A chart's dimensions at the desk and on a projector, where it must read from the back of the room.

type SizeOptions = { presentation: boolean; showEventLabels: boolean };

export type ChartSizes = {
  heightPx: number;
  margin: { top: number; right: number; bottom: number; left: number };
  yAxisWidthPx: number;
  /** Container width minus the y axis and margins: the plot's width, which sets how many points to draw. */
  horizontalChromePx: number;
  tickFontSize: number;
  eventFontSize: number;
  lineWidth: number;
  dotRadius: number;
  activeDotRadius: number;
  annotationDotRadius: number;
};

export function chartSizes({ presentation, showEventLabels }: SizeOptions): ChartSizes {
  const base = presentation
    ? {
        height: 300,
        labelSpace: 30,
        yAxisWidthPx: 76,
        tickFontSize: 16,
        eventFontSize: 15,
        lineWidth: 3.5,
        dotRadius: 4,
      }
    : {
        height: 150,
        labelSpace: 22,
        yAxisWidthPx: 56,
        tickFontSize: 11,
        eventFontSize: 10,
        lineWidth: 2,
        dotRadius: 2.5,
      };
  const margin = { top: showEventLabels ? base.labelSpace : 8, right: 16, bottom: 0, left: 4 };
  return {
    heightPx: base.height + (showEventLabels ? base.labelSpace : 0),
    margin,
    yAxisWidthPx: base.yAxisWidthPx,
    horizontalChromePx: base.yAxisWidthPx + margin.left + margin.right,
    tickFontSize: base.tickFontSize,
    eventFontSize: base.eventFontSize,
    lineWidth: base.lineWidth,
    dotRadius: base.dotRadius,
    activeDotRadius: base.dotRadius * 2,
    annotationDotRadius: base.dotRadius * 2,
  };
}
