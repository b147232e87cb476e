// The HAProxy configuration operators read in docs/deploy.md is the one the demo and the multi-node test
// run (scripts/haproxy-config.ts); haproxy itself checks it in tests/integration/multi-node.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BALANCER_COOKIE, renderHaproxyConfig } from "@/scripts/haproxy-config";

const DEMO_NODES = [
  { name: "node1", address: "127.0.0.1:3001" },
  { name: "node2", address: "127.0.0.1:3002" },
];

describe("the HAProxy configuration", () => {
  it("is shown in docs/deploy.md exactly as rendered for the demo's two nodes", () => {
    const docs = readFileSync(path.resolve(import.meta.dirname, "../../docs/deploy.md"), "utf8");
    const shown = docs.match(/```haproxy\n([\s\S]*?)```/)?.[1];
    expect(shown).toBe(renderHaproxyConfig({ bind: "*:3000", nodes: DEMO_NODES }));
  });

  it("gives each node a server line with its own cookie value and a health check", () => {
    const config = renderHaproxyConfig({ bind: "*:3000", nodes: DEMO_NODES });
    expect(config).toContain(`cookie ${BALANCER_COOKIE} insert indirect nocache httponly`);
    expect(config).toContain("    server node1 127.0.0.1:3001 cookie node1 check\n");
    expect(config).toContain("    server node2 127.0.0.1:3002 cookie node2 check\n");
    expect(config).not.toContain("stats socket");
    expect(renderHaproxyConfig({ bind: "*:3000", nodes: DEMO_NODES, statsSocket: "/run/x.sock" })).toContain(
      "stats socket /run/x.sock mode 600 level admin",
    );
  });

  it("refuses no nodes, and names that would break the file or the cookie", () => {
    expect(() => renderHaproxyConfig({ bind: "*:3000", nodes: [] })).toThrow(/at least one node/);
    expect(() => renderHaproxyConfig({ bind: "*:3000", nodes: [{ name: "node 1", address: "a:1" }] })).toThrow(
      /letters, digits/,
    );
  });
});
