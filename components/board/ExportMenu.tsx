"use client";
// Links to the board's exports: every export is a stable URL a briefing script can fetch too. The
// briefing deck asks first what goes in (export/BriefingDeckDialog.tsx).
import { useState } from "react";
import { BriefingDeckDialog } from "./export/BriefingDeckDialog";
import { useAsOf } from "./history/as-of-context";
import type { ListAssessments } from "./export/board-assessments";

export function ExportMenu({
  slug,
  indicators,
  range,
  span,
  listAssessments,
}: {
  slug: string;
  indicators: readonly { id: string; name: string }[];
  range: [number, number] | null;
  /** The board's whole time span (ms), the deck's period when the charts show all of it. */
  span: [number, number];
  /** The board's assessments from the live state, for the deck dialog. */
  listAssessments: ListAssessments;
}) {
  const [deckOpen, setDeckOpen] = useState(false);
  // The pictures and the briefings show the board as the page does; the row exports keep no history.
  const asOf = useAsOf();
  const chartQuery = new URLSearchParams({ indicators: indicators.map((indicator) => indicator.id).join(",") });
  if (range) {
    chartQuery.set("from", new Date(range[0]).toISOString());
    chartQuery.set("to", new Date(range[1]).toISOString());
  }
  if (asOf) chartQuery.set("asOf", asOf);
  const now = asOf ? " — as it is now" : "";
  const base = `/api/boards/${slug}/export`;
  const links: [string, string][] = [
    ["Briefing pack (PDF)", `${base}/briefing.pdf?${chartQuery}`],
    ["Charts (PNG)", `${base}/chart.png?${chartQuery}`],
    ["Charts (SVG)", `${base}/chart.svg?${chartQuery}`],
    [`Observations (CSV)${now}`, `${base}/observations.csv`],
    [`Events (CSV)${now}`, `${base}/events.csv`],
    [`Annotations (CSV)${now}`, `${base}/annotations.csv`],
    [`Annotations (W3C JSON-LD)${now}`, `${base}/annotations.jsonld`],
  ];
  return (
    <>
      <details className="export-menu">
        <summary>Export</summary>
        <ul>
          <li>
            <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setDeckOpen(true)}>
              Briefing deck (PowerPoint)…
            </button>
          </li>
          {links.map(([label, href]) => (
            <li key={href}>
              <a href={href} download>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </details>
      <BriefingDeckDialog
        slug={slug}
        indicators={indicators}
        period={range ?? span}
        listAssessments={listAssessments}
        open={deckOpen}
        onClose={() => setDeckOpen(false)}
      />
    </>
  );
}
