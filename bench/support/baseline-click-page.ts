// The browser baseline of the click-to-screen scenario: a static page with the composer's shape (a form
// "Add an annotation" with a textarea and an "Add" button) on the bare baseline server. A click emits
// annotation:create and clears the field on the ack; every board:op puts its body on top of a list as a
// text node. No React, no board state, no outbox: what transport and browser cost with no app.
import { serveStaticPage } from "./static-page";

function pageHtml(baselineUrl: string, boardId: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Baseline composer</title><script src="/socket.io.min.js"></script></head>
<body>
<form aria-label="Add an annotation"><textarea name="body"></textarea><button type="submit">Add</button></form>
<ol id="notes"></ol>
<script>
const boardId = ${JSON.stringify(boardId)};
const form = document.querySelector("form");
const field = form.querySelector("textarea");
const notes = document.getElementById("notes");
const socket = io(${JSON.stringify(baselineUrl)}, { transports: ["websocket"] });
socket.on("connect", async () => {
  await socket.emitWithAck("board:join", { boardId });
  document.body.dataset.joined = "true";
});
socket.on("board:op", (op) => {
  const item = document.createElement("li");
  item.textContent = op.data.body;
  notes.prepend(item);
});
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = field.value;
  await socket.emitWithAck("annotation:create", { id: crypto.randomUUID(), boardId, target: { type: "board" }, body });
  if (field.value === body) field.value = "";
});
</script></body></html>`;
}

/** Serves the page; it talks to the baseline server at `baselineUrl`. */
export function startBaselineClickPage(baselineUrl: string, boardId: string) {
  return serveStaticPage(pageHtml(baselineUrl, boardId));
}
