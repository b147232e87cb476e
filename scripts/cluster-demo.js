// `npm run cluster:demo`: two Watchfloor nodes on one PostgreSQL, sharing Socket.IO rooms through Redis
// (REDIS_URL, default the local one) or PostgreSQL (SOCKET_ADAPTER=postgres), behind a tiny sticky
// load balancer on PORT (default 3000). See docs/deploy.md. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { buildIfStale } from "./build-if-stale.js";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/watchfloor_cluster_demo";
const adapterEnv =
  process.env.SOCKET_ADAPTER === "postgres"
    ? { SOCKET_ADAPTER: "postgres" }
    : { REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" };
const nodes = [port + 1, port + 2];

buildIfStale();
const children = nodes.map((nodePort) =>
  spawn(process.execPath, ["scripts/start.js"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...adapterEnv,
      PORT: String(nodePort),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: `http://localhost:${port}`,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "cluster-demo-secret-cluster-demo-secret",
      SEED_DEMO: "1",
    },
  }),
);

/** Sticky by client address, so a browser's polling requests and its WebSocket reach the same node. */
const nodeFor = (address = "") => nodes[createHash("sha1").update(address).digest()[0] % nodes.length];

const balancer = http.createServer((req, res) => {
  const upstream = http.request(
    {
      host: "127.0.0.1",
      port: nodeFor(req.socket.remoteAddress),
      path: req.url,
      method: req.method,
      headers: req.headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    res.writeHead(502);
    res.end("node unavailable");
  });
  req.pipe(upstream);
});
balancer.on("upgrade", (req, socket, head) => {
  const upstream = net.connect(nodeFor(req.socket.remoteAddress), "127.0.0.1", () => {
    const headers = Object.entries(req.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join("\r\n");
    upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
    upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  upstream.on("error", () => socket.destroy());
  socket.on("error", () => upstream.destroy());
});
balancer.listen(port, () =>
  console.log(`Watchfloor cluster demo: http://localhost:${port} → nodes on ${nodes.join(", ")}`),
);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    balancer.close();
    for (const child of children) child.kill("SIGTERM");
  });
}
let running = children.length;
for (const child of children) child.on("exit", () => --running === 0 && process.exit(0));
