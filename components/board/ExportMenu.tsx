"use client";
// Links to the board's exports: every export is a stable URL a briefing script can fetch too.
export function ExportMenu({
  slug,
  indicatorIds,
  range,
}: {
  slug: string;
  indicatorIds: string[];
  range: [number, number] | null;
}) {
  const chartQuery = new URLSearchParams({ indicators: indicatorIds.join(",") });
  if (range) {
    chartQuery.set("from", new Date(range[0]).toISOString());
    chartQuery.set("to", new Date(range[1]).toISOString());
  }
  const base = `/api/boards/${slug}/export`;
  const links: [string, string][] = [
    ["Briefing pack (PDF)", `${base}/briefing.pdf?${chartQuery}`],
    ["Charts (PNG)", `${base}/chart.png?${chartQuery}`],
    ["Charts (SVG)", `${base}/chart.svg?${chartQuery}`],
    ["Observations (CSV)", `${base}/observations.csv`],
    ["Events (CSV)", `${base}/events.csv`],
    ["Annotations (CSV)", `${base}/annotations.csv`],
    ["Annotations (W3C JSON-LD)", `${base}/annotations.jsonld`],
  ];
  return (
    <details className="export-menu">
      <summary>Export</summary>
      <ul>
        {links.map(([label, href]) => (
          <li key={href}>
            <a href={href} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
