// The browser baseline of the board-load scenario: a static page that loads the stock Socket.IO client,
// joins the bare baseline server, takes the same snapshot into a board state ({ seq, snapshot }, what
// use-live-board makes of a snapshot answer) and puts one line about it on screen. No React, no charts,
// no thread list: the floor under Watchfloor's page, not a like-for-like page.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

function pageHtml(baselineUrl: string, boardId: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Baseline board</title><script src="/socket.io.min.js"></script></head>
<body><main id="board">Loading the board…</main>
<script>
const socket = io(${JSON.stringify(baselineUrl)}, { transports: ["websocket"] });
socket.on("connect", async () => {
  const answer = await socket.emitWithAck("board:join", { boardId: ${JSON.stringify(boardId)} });
  window.board = { seq: answer.seq, snapshot: answer.snapshot };
  const main = document.getElementById("board");
  const observations = answer.snapshot.indicators.reduce((total, indicator) => total + indicator.observations.length, 0);
  main.textContent = answer.snapshot.annotations.length + " annotations, " + observations + " observations at seq " + answer.seq;
  main.className = "board-grid";
});
</script></body></html>`;
}

/** Serves the page on an ephemeral port of 127.0.0.1; the page talks to the baseline server at `baselineUrl`. */
export async function startBaselineBoardPage(baselineUrl: string, boardId: string) {
  // The minified bundle is not among the package's exports; it sits next to its package.json.
  const clientDir = path.dirname(require.resolve("socket.io-client/package.json"));
  const client = await readFile(path.join(clientDir, "dist", "socket.io.min.js"));
  const html = pageHtml(baselineUrl, boardId);
  const server = createServer((request, response) => {
    if (request.url === "/socket.io.min.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(client);
    } else if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
