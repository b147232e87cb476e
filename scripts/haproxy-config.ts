// The HAProxy configuration for Watchfloor nodes, written once: `npm run cluster:demo` and the multi-node
// test render it for their nodes, and docs/deploy.md shows it (a unit test keeps the copy there equal to
// this output). Every line is explained in docs/deploy.md. Plain HAProxy 2.6 (Debian 12's package), which
// both locate with scripts/find-executable.ts.
//
// As a command, for an operator's own nodes:
//   npx tsx scripts/haproxy-config.ts --bind :80 10.0.0.11:3000 10.0.0.12:3000 > haproxy.cfg

import { findExecutable } from "./find-executable";

/** The cookie HAProxy sets to keep a browser on one node: its value is the node's name. */
export const BALANCER_COOKIE = "WATCHFLOOR_NODE";

export type BalancedNode = {
  /** The server's name in HAProxy (logs, stats) and the balancer cookie's value: letters, digits, - and _. */
  name: string;
  /** host:port where the node listens. */
  address: string;
};

export type HaproxyConfigOptions = {
  /** HAProxy's `bind` argument: "*:3000", "127.0.0.1:8080", ":80". */
  bind: string;
  nodes: readonly BalancedNode[];
  /** A runtime API socket (`show stat`, draining a node); Debian's own config keeps one in /run/haproxy. */
  statsSocket?: string;
};

const NAME = /^[A-Za-z0-9_-]+$/;

export function renderHaproxyConfig(options: HaproxyConfigOptions): string {
  if (options.nodes.length === 0) throw new Error("HAProxy needs at least one node");
  for (const node of options.nodes) {
    if (!NAME.test(node.name)) throw new Error(`node name ${JSON.stringify(node.name)}: use letters, digits, - and _`);
  }
  const global = ["global", "    log stdout format raw local0 info"];
  if (options.statsSocket) global.push(`    stats socket ${options.statsSocket} mode 600 level admin`);
  return [
    ...global,
    "",
    "defaults",
    "    mode http",
    "    log global",
    "    option httplog",
    "    option dontlognull",
    "    option forwardfor",
    "    option redispatch 1",
    "    retries 3",
    "    timeout connect 5s",
    "    timeout client 30s",
    "    timeout server 30s",
    "    timeout http-request 10s",
    "    timeout http-keep-alive 10s",
    "    timeout tunnel 1m",
    "    timeout check 3s",
    "",
    "frontend watchfloor",
    `    bind ${options.bind}`,
    "    http-request set-header X-Forwarded-Proto https if { ssl_fc }",
    "    http-request set-header X-Forwarded-Proto http if !{ ssl_fc }",
    "    default_backend watchfloor_nodes",
    "",
    "backend watchfloor_nodes",
    "    balance leastconn",
    `    cookie ${BALANCER_COOKIE} insert indirect nocache httponly`,
    "    option httpchk",
    "    http-check send meth GET uri /api/health",
    "    http-check expect status 200",
    "    default-server inter 2s fall 2 rise 2",
    ...options.nodes.map((node) => `    server ${node.name} ${node.address} cookie ${node.name} check`),
    "",
  ].join("\n");
}

/** The haproxy binary on PATH or where Debian installs it (/usr/sbin is not on every user's PATH). */
export function findHaproxy(): string | undefined {
  return findExecutable("haproxy");
}

/** `tsx scripts/haproxy-config.ts [--bind ADDR] [--stats-socket PATH] host:port...` prints the config. */
function main(args: string[]): void {
  let bind = "*:3000";
  let statsSocket: string | undefined;
  const addresses: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === "--bind") bind = args[++index] ?? bind;
    else if (arg === "--stats-socket") statsSocket = args[++index];
    else addresses.push(arg);
  }
  if (addresses.length === 0) {
    console.error("usage: tsx scripts/haproxy-config.ts [--bind *:3000] [--stats-socket PATH] host:port...");
    process.exit(2);
  }
  const nodes = addresses.map((address, index) => ({ name: `node${index + 1}`, address }));
  process.stdout.write(renderHaproxyConfig({ bind, nodes, statsSocket }));
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
