// Next.js renders the pages (app/); this process owns the HTTP server, the API and the sockets.
import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import next from "next";
import type { PageHandler } from "../http/create-request-handler";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export type NextPages = { handle: PageHandler; close: () => Promise<void> };

export async function createNextPages(options: {
  dev: boolean;
  httpServer: HttpServer;
  port: number;
}): Promise<NextPages> {
  // Next attaches its own 'upgrade' listener to the server it is given, and that listener also sees
  // Socket.IO's upgrades. Give it a server that never listens, and pass it only its own upgrades.
  const decoy = createServer();
  const app = next({ dev: options.dev, dir: PROJECT_ROOT, httpServer: decoy, port: options.port, quiet: !options.dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  if (options.dev) {
    const upgrade = app.getUpgradeHandler();
    options.httpServer.on("upgrade", (req, socket, head) => {
      if (req.url?.startsWith("/_next/")) void upgrade(req, socket, head);
    });
  }
  return { handle: (req, res) => handle(req, res), close: () => app.close() };
}
