import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { renderChartSvg } from "@/server/exports/charts/render-chart-svg";

const snapshot = JSON.parse(readFileSync("/tmp/proto/snapshot.json", "utf8"));
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  new JSDOM("<!doctype html><html><body></body></html>").window.close();
  const jsdomMs = performance.now() - t;
  t = performance.now();
  await renderChartSvg({ snapshot, exporterName: "x", exportedAt: new Date() });
  console.log("jsdom", jsdomMs.toFixed(0), "svg", (performance.now() - t).toFixed(0));
}
