// `npm run cluster:demo`: two Watchfloor nodes on one PostgreSQL, sharing Socket.IO rooms through Redis
// (REDIS_URL, default the local one) or PostgreSQL (SOCKET_ADAPTER=postgres), behind HAProxy on PORT
// (default 3000) with the configuration of scripts/haproxy-config.ts. See docs/deploy.md.
// Ctrl-C stops everything.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { register } from "tsx/esm/api";
import { buildIfStale } from "./build-if-stale.js";

register();
const { findHaproxy, renderHaproxyConfig } = await import("./haproxy-config.ts");

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/watchfloor_cluster_demo";
const adapterEnv =
  process.env.SOCKET_ADAPTER === "postgres"
    ? { SOCKET_ADAPTER: "postgres" }
    : { REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" };
const nodes = [1, 2].map((index) => ({ name: `node${index}`, port: port + index }));

const haproxy = findHaproxy();
if (!haproxy) {
  console.error("The cluster demo runs the nodes behind HAProxy, which is not installed.");
  console.error("On Debian or Ubuntu: sudo apt-get install haproxy   (then run npm run cluster:demo again)");
  process.exit(1);
}
const configDir = mkdtempSync(path.join(os.tmpdir(), "watchfloor-cluster-demo-"));
const configPath = path.join(configDir, "haproxy.cfg");
writeFileSync(
  configPath,
  renderHaproxyConfig({
    bind: `*:${port}`,
    nodes: nodes.map((node) => ({ name: node.name, address: `127.0.0.1:${node.port}` })),
  }),
);
const check = spawnSync(haproxy, ["-c", "-f", configPath], { encoding: "utf8" });
if (check.status !== 0) {
  console.error(`haproxy -c rejected ${configPath}:\n${check.stdout}${check.stderr}`);
  rmSync(configDir, { recursive: true, force: true });
  process.exit(1);
}

buildIfStale();

// Each child in its own process group: a Ctrl-C in the terminal reaches only this script, which stops
// each child exactly once (a node that got SIGINT from the terminal and SIGTERM from here would stop twice).
const children = [];
let stopping = false;
let serving = false;

const exited = (child) => child.exitCode !== null || child.signalCode !== null;

function startChild(label, command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", detached: true, env: { ...process.env, ...env } });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (!stopping) onUnexpectedExit(label, signal ?? code);
    if (children.every(exited)) rmSync(configDir, { recursive: true, force: true });
  });
}

function onUnexpectedExit(label, how) {
  const nodesLeft = children.slice(0, nodes.length).filter((child) => !exited(child));
  if (serving && label !== "haproxy" && nodesLeft.length > 0) {
    // Once serving, a node that dies is the failover to watch: HAProxy's checks take it out of rotation
    // and its analysts reconnect through HAProxy to the node that is left.
    console.error(`cluster demo: ${label} exited (${how}); HAProxy moves its analysts to the other node`);
    return;
  }
  // A node that could not start, HAProxy that could not bind, or no node left: the demo ends.
  console.error(`cluster demo: ${label} exited (${how}); stopping the rest`);
  stop(1);
}

/** Signals a child's whole process group: a node may be running `next build` of its own. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function stop(exitCode) {
  if (stopping) {
    // A second Ctrl-C: do not wait for an orderly shutdown.
    for (const child of children) signalGroup(child, "SIGKILL");
    return;
  }
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children) signalGroup(child, "SIGTERM");
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0));
process.on("exit", () => {
  for (const child of children) if (!exited(child)) signalGroup(child, "SIGKILL");
});

/** Resolves once every node's /api/health answers 200 (or the demo is stopping). */
async function nodesHealthy() {
  for (const node of nodes) {
    while (!stopping) {
      const healthy = await fetch(`http://127.0.0.1:${node.port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

for (const node of nodes) {
  startChild(node.name, process.execPath, ["scripts/start.js"], {
    ...adapterEnv,
    // Only HAProxy is reachable from outside; the nodes listen on the loopback.
    HOST: "127.0.0.1",
    PORT: String(node.port),
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: `http://localhost:${port}`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "cluster-demo-secret-cluster-demo-secret",
    SEED_DEMO: "1",
    // HAProxy (on this machine) appends each browser's address to X-Forwarded-For; the sign-in
    // throttle counts those addresses, not HAProxy's.
    TRUSTED_PROXIES: "127.0.0.1,::1",
    // Built once above; two nodes must not each decide to rebuild (a production start never does).
    NODE_ENV: "production",
  });
}
// HAProxy starts once both nodes are healthy, so it begins with both in rotation.
await nodesHealthy();
if (!stopping) {
  // -db: in the foreground, logging to this terminal (one line per request, with its cookie flags).
  startChild("haproxy", haproxy, ["-db", "-f", configPath]);
  serving = true;
  const upstreams = nodes.map((node) => `${node.name} on 127.0.0.1:${node.port}`).join(", ");
  console.log(`Watchfloor cluster demo: http://localhost:${port} (HAProxy) → ${upstreams}. Ctrl-C stops it all.`);
}
