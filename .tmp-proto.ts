import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { rasterizeSvg } from "@/server/exports/charts/rasterize-svg";
import { renderChartSvg } from "@/server/exports/charts/render-chart-svg";
import { demoBoardData } from "@/server/seed/demo-board-data";

// build a snapshot from demo data without DB
const ids = new Map<string, string>();
const id = (k: string) => {
  if (!ids.has(k)) ids.set(k, randomUUID());
  return ids.get(k)!;
};
const d = demoBoardData;
const snapshot: BoardSnapshot = {
  board: {
    id: id("board"),
    slug: d.slug,
    title: d.title,
    description: d.description,
    handling: "UNCLASSIFIED // FOR TRAINING",
    archived: false,
  },
  events: d.events
    .map((e) => ({
      id: id("e:" + e.key),
      title: e.title,
      occurredAt: new Date(e.occurredAt).toISOString(),
      endsAt: e.endsAt ?? null,
      category: e.category,
      place: e.place,
      description: e.description,
      sourceIds: e.sourceKeys.map((k) => id("s:" + k)),
    }))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
  indicators: d.indicators.map((i) => ({
    id: id("i:" + i.key),
    name: i.name,
    unit: i.unit,
    description: i.description,
    kind: i.kind,
    warnAbove: i.warnAbove ?? null,
    warnBelow: i.warnBelow ?? null,
    color: i.color,
    observations: i.observations.map((o, n) => ({
      id: id("o:" + (o.key ?? i.key + n)),
      indicatorId: id("i:" + i.key),
      observedAt: new Date(o.observedAt).toISOString(),
      value: o.value,
      sourceId: o.sourceKey ? id("s:" + o.sourceKey) : null,
      sourceReliability: o.sourceReliability,
      infoCredibility: o.infoCredibility,
      note: o.note ?? "",
    })),
  })),
  sources: d.sources.map((s) => ({
    id: id("s:" + s.key),
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt,
    reliability: s.reliability,
  })),
  annotations: d.annotations.map((a) => ({
    id: randomUUID(),
    boardId: id("board"),
    author: { id: "x", name: a.authorEmail },
    target:
      a.target.type === "indicator"
        ? { type: "indicator", indicatorId: id("i:" + a.target.indicatorKey), at: a.target.at }
        : a.target.type === "indicator-range"
          ? {
              type: "indicator-range",
              indicatorId: id("i:" + a.target.indicatorKey),
              from: a.target.from,
              to: a.target.to,
            }
          : a.target.type === "observation"
            ? { type: "observation", observationId: id("o:" + a.target.observationKey) }
            : a.target.type === "event"
              ? { type: "event", eventId: id("e:" + a.target.eventKey) }
              : { type: "board" },
    body: a.body,
    kind: a.kind,
    confidence: a.confidence ?? null,
    tags: a.tags,
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    mentions: [],
    createdAt: a.createdAt,
    updatedAt: a.createdAt,
  })),
  members: [],
};
writeFileSync("/tmp/proto/snapshot.json", JSON.stringify(snapshot));
let t = performance.now();
const svg = await renderChartSvg({
  snapshot,
  exporterName: "Ольга Петрова",
  exportedAt: new Date("2022-01-15T10:30:00Z"),
});
console.log("svg ms", performance.now() - t, svg.length);
t = performance.now();
const svg2 = await renderChartSvg({
  snapshot,
  exporterName: "Ольга Петрова",
  exportedAt: new Date("2022-01-15T10:30:00Z"),
});
console.log("svg2 ms", performance.now() - t);
writeFileSync("/tmp/proto/chart.svg", svg);
t = performance.now();
const png = await rasterizeSvg(svg);
console.log("png ms", performance.now() - t, png.length);
writeFileSync("/tmp/proto/chart.png", png);
console.log("window after:", typeof (globalThis as any).window, typeof (globalThis as any).document);
setTimeout(() => console.log("no stray crash"), 200);
