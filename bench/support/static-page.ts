// Serves one HTML page and the stock Socket.IO client bundle on an ephemeral port of 127.0.0.1: the
// browser baselines' pages (board load, click to screen), which talk to the bare baseline server.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** The page at `/`, the client at `/socket.io.min.js`. */
export async function serveStaticPage(html: string): Promise<{ url: string; stop: () => Promise<void> }> {
  // The minified bundle is not among the package's exports; it sits next to its package.json.
  const clientDir = path.dirname(require.resolve("socket.io-client/package.json"));
  const client = await readFile(path.join(clientDir, "dist", "socket.io.min.js"));
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
