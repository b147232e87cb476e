"use client";
// The indicators: one chart each on a shared time axis, with the tools to add indicators and figures
// (editors), and the board's export links.
import { useState } from "react";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot, WireObservation } from "@/lib/schemas/board";
import { TimeRangeControl } from "./chart/TimeRangeControl";
import { FiguresTable } from "./content/FiguresTable";
import { ImportObservations } from "./content/ImportObservations";
import { IndicatorForm } from "./content/IndicatorForm";
import { ObservationForm } from "./content/ObservationForm";
import { ExportMenu } from "./ExportMenu";
import type { ListAssessments } from "./export/board-assessments";
import { IndicatorChart } from "./IndicatorChart";
import type { BoardSend } from "./use-live-board";

type Props = {
  /** The board's facts; the annotations come grouped by indicator from the live state (lib/annotation-index.ts). */
  snapshot: Pick<BoardSnapshot, "board" | "events" | "indicators" | "sources">;
  /** Indicator id → the annotations on a point or a range of it; a list keeps its identity while they do. */
  annotationsByIndicator: ReadonlyMap<string, WireAnnotation[]>;
  /** Observation id → the annotations on that figure; each chart draws those on its own figures. */
  annotationsByObservation: ReadonlyMap<string, WireAnnotation[]>;
  domain: [number, number];
  ticks: number[];
  canEdit: boolean;
  send: BoardSend;
  /** The time range the whole board view shows (ms); null is everything. */
  viewRange: [number, number] | null;
  onViewRangeChange: (range: [number, number] | null) => void;
  /** Whether this analyst may annotate: viewers get no pickers or range drags, only focus. */
  canAnnotate: boolean;
  onPick: (indicatorId: string, observation: WireObservation) => void;
  onPickRange: (indicatorId: string, fromIso: string, toIso: string) => void;
  /** The board's assessments for the deck dialog; keeps its identity, so a new note does not redraw the charts. */
  listAssessments: ListAssessments;
};

export function ChartsPanel({
  snapshot,
  annotationsByIndicator,
  annotationsByObservation,
  domain,
  ticks,
  canEdit,
  send,
  viewRange,
  onViewRangeChange,
  canAnnotate,
  onPick,
  onPickRange,
  listAssessments,
}: Props) {
  const [adding, setAdding] = useState<"indicator" | string | null>(null);
  const [editingIndicator, setEditingIndicator] = useState<string | null>(null);
  const [presentation, setPresentation] = useState(false);
  const boardId = snapshot.board.id;
  return (
    <section className="panel charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Indicators</h2>
      <div className="panel-tools">
        <ExportMenu
          slug={snapshot.board.slug}
          indicators={snapshot.indicators}
          range={viewRange}
          span={domain}
          listAssessments={listAssessments}
        />
        <label className="presentation-toggle">
          <input type="checkbox" checked={presentation} onChange={(event) => setPresentation(event.target.checked)} />
          Presentation mode
        </label>
        {canEdit ? (
          <>
            <button type="button" className="link-button" onClick={() => setAdding("indicator")}>
              + Add indicator
            </button>
            <ImportObservations slug={snapshot.board.slug} />
          </>
        ) : null}
      </div>
      {adding === "indicator" ? <IndicatorForm boardId={boardId} send={send} onDone={() => setAdding(null)} /> : null}
      <TimeRangeControl domain={domain} value={viewRange} onChange={onViewRangeChange} />
      <p className="muted hint">
        {canAnnotate
          ? "Dashed lines are events. Click a point to annotate the indicator at that time; drag across the chart to annotate a time range; Shift+drag to zoom."
          : "Dashed lines are events. Click a point to show the notes on that indicator; Shift+drag to zoom."}
      </p>
      {snapshot.indicators.map((indicator, index) => (
        <div key={indicator.id}>
          <IndicatorChart
            indicator={indicator}
            events={snapshot.events}
            annotations={annotationsByIndicator.get(indicator.id) ?? NO_ANNOTATIONS}
            annotationsOnObservations={annotationsByObservation}
            domain={domain}
            ticks={ticks}
            showEventLabels={index === 0}
            onPick={(observation) => onPick(indicator.id, observation)}
            onPickRange={canAnnotate ? onPickRange : undefined}
            viewRange={viewRange}
            onViewRangeChange={onViewRangeChange}
            presentation={presentation}
          />
          {canEdit ? (
            adding === indicator.id ? (
              <ObservationForm
                boardId={boardId}
                indicator={indicator}
                sources={snapshot.sources}
                send={send}
                onDone={() => setAdding(null)}
              />
            ) : editingIndicator === indicator.id ? (
              <IndicatorForm
                boardId={boardId}
                indicator={indicator}
                send={send}
                onDone={() => setEditingIndicator(null)}
              />
            ) : (
              <div className="indicator-tools">
                <button type="button" className="link-button" onClick={() => setAdding(indicator.id)}>
                  + Add figure to {indicator.name}
                </button>
                <button type="button" className="link-button" onClick={() => setEditingIndicator(indicator.id)}>
                  Edit indicator<span className="visually-hidden"> {indicator.name}</span>
                </button>
              </div>
            )
          ) : null}
          <FiguresTable
            boardId={boardId}
            indicator={indicator}
            sources={snapshot.sources}
            canEdit={canEdit}
            send={send}
          />
        </div>
      ))}
    </section>
  );
}

const NO_ANNOTATIONS: WireAnnotation[] = [];
