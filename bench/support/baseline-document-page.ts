// The browser baseline of the document-open scenario: a static page with one "Read" button that fetches the
// same text and the same passage spans as JSON and draws every paragraph, with every covered stretch as a
// <mark>, in plain DOM code. No React, no virtualization, no socket: what showing that document costs the
// bare stack, timed by the same in-page probe as Watchfloor's pane.
import { createServer } from "node:http";

export type DocumentJson = { text: string; spans: { start: number; end: number }[] };

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Baseline document</title>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; margin: 16px; }
  #text { height: 70vh; overflow: auto; border: 1px solid #ccc; padding: 8px; }
  mark { background: #f5d76e; } mark.overlap { background: #e0a030; }
</style></head>
<body>
<ul><li data-testid="document-choice"><button type="button" id="read">Read the report</button></li></ul>
<div id="text" data-testid="document-text"></div>
<script>
document.getElementById("read").addEventListener("click", async () => {
  const { text, spans } = await (await fetch("/document.json")).json();
  draw(document.getElementById("text"), text, spans);
});
// A sweep over the spans' ends: each stretch of a paragraph is plain text or a mark (hatched where passages overlap).
function draw(box, text, spans) {
  const delta = new Map();
  for (const span of spans) {
    delta.set(span.start, (delta.get(span.start) || 0) + 1);
    delta.set(span.end, (delta.get(span.end) || 0) - 1);
  }
  const points = [...delta.keys()].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  let depth = 0;
  let next = 0;
  let from = 0;
  while (from <= text.length) {
    const breakAt = text.indexOf("\\n\\n", from);
    const end = breakAt < 0 ? text.length : breakAt;
    const paragraph = document.createElement("p");
    while (next < points.length && points[next] <= from) depth += delta.get(points[next++]);
    for (let at = from; at < end; ) {
      const stop = next < points.length ? Math.min(points[next], end) : end;
      const piece = text.slice(at, stop);
      if (depth > 0) {
        const mark = document.createElement("mark");
        mark.dataset.testid = "highlight";
        if (depth > 1) mark.className = "overlap";
        mark.textContent = piece;
        paragraph.append(mark);
      } else paragraph.append(piece);
      at = stop;
      if (next < points.length && points[next] === at && at < end) depth += delta.get(points[next++]);
    }
    fragment.append(paragraph);
    if (breakAt < 0) break;
    from = breakAt + 2;
  }
  box.replaceChildren(fragment);
}
</script></body></html>`;

/** Serves the page at `/` and the document at `/document.json` on an ephemeral port of 127.0.0.1. */
export async function startBaselineDocumentPage(
  document: DocumentJson,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const json = JSON.stringify(document);
  const server = createServer((request, response) => {
    if (request.url === "/document.json") response.writeHead(200, { "content-type": "application/json" }).end(json);
    else if (request.url === "/") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
