// The browser baseline of the board-load scenario: a static page that loads the stock Socket.IO client,
// joins the bare baseline server, takes the same snapshot into a board state ({ seq, snapshot }, what
// use-live-board makes of a snapshot answer) and puts one line about it on screen. No React, no charts,
// no thread list: the floor under Watchfloor's page, not a like-for-like page.
import { serveStaticPage } from "./static-page";

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
export function startBaselineBoardPage(baselineUrl: string, boardId: string) {
  return serveStaticPage(pageHtml(baselineUrl, boardId));
}
