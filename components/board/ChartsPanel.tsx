"use client";
// The indicators: one chart each on a shared time axis, with the tools to add indicators and figures
// (editors), and the board's export links.
import { useState } from "react";
import type { BoardSnapshot, WireObservation } from "@/lib/schemas/board";
import { ImportObservations } from "./content/ImportObservations";
import { IndicatorForm } from "./content/IndicatorForm";
import { ObservationForm } from "./content/ObservationForm";
import { ExportMenu } from "./ExportMenu";
import { IndicatorChart } from "./IndicatorChart";
import type { BoardSend } from "./use-live-board";

type Props = {
  snapshot: BoardSnapshot;
  domain: [number, number];
  ticks: number[];
  canEdit: boolean;
  send: BoardSend;
  onPick: (indicatorId: string, observation: WireObservation) => void;
};

export function ChartsPanel({ snapshot, domain, ticks, canEdit, send, onPick }: Props) {
  const [adding, setAdding] = useState<"indicator" | string | null>(null);
  const boardId = snapshot.board.id;
  return (
    <section className="panel charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Indicators</h2>
      <div className="panel-tools">
        <ExportMenu
          slug={snapshot.board.slug}
          indicatorIds={snapshot.indicators.map((indicator) => indicator.id)}
          range={null}
        />
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
      <p className="muted hint">Dashed lines are events; click a point to annotate the indicator at that time.</p>
      {snapshot.indicators.map((indicator, index) => (
        <div key={indicator.id}>
          <IndicatorChart
            indicator={indicator}
            events={snapshot.events}
            annotations={snapshot.annotations.filter(
              (annotation) =>
                (annotation.target.type === "indicator" || annotation.target.type === "indicator-range") &&
                annotation.target.indicatorId === indicator.id,
            )}
            domain={domain}
            ticks={ticks}
            showEventLabels={index === 0}
            onPick={(observation) => onPick(indicator.id, observation)}
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
            ) : (
              <button type="button" className="link-button" onClick={() => setAdding(indicator.id)}>
                + Add figure to {indicator.name}
              </button>
            )
          ) : null}
        </div>
      ))}
    </section>
  );
}
