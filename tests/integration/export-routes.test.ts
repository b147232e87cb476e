// Every export is a stable URL for members only, and the imports take the same formats back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/server/seed/seed-demo-board";
import { makeAnalyst, signIn } from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";

const SLUG = "russia-ukraine-2022-01";
let app: TestApp;
let alice: string;
let bob: string;
let outsider: string;

beforeAll(async () => {
  app = await openTestApp({ seedDemo: true });
  alice = await signIn(app, { email: "alice@watchfloor.test", password: DEMO_PASSWORD });
  bob = await signIn(app, { email: "bob@watchfloor.test", password: DEMO_PASSWORD });
  outsider = await signIn(app, await makeAnalyst(app));
});

afterAll(() => app?.stop());

const get = (path: string, cookie: string) => fetch(`${app.url}/api/boards/${SLUG}${path}`, { headers: { cookie } });

describe("export URLs", () => {
  it.each([
    ["/export/briefing.pdf", "application/pdf"],
    ["/export/chart.svg", "image/svg+xml"],
    ["/export/chart.png", "image/png"],
    ["/export/observations.csv", "text/csv"],
    ["/export/events.csv", "text/csv"],
    ["/export/annotations.csv", "text/csv"],
    ["/export/annotations.jsonld", "application/ld+json"],
  ])("%s answers a member with %s, and a non-member with 404", async (path, type) => {
    const member = await get(path, alice);
    expect(member.status).toBe(200);
    expect(member.headers.get("content-type")).toContain(type);
    expect((await member.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await get(path, outsider)).status).toBe(404);
  });

  it("refuses chart queries naming an indicator that is not on the board", async () => {
    const response = await get("/export/chart.svg?indicators=00000000-0000-4000-8000-000000000000", alice);
    expect(response.status).toBe(400);
  });
});

describe("import URLs", () => {
  it("imports figures from CSV for an editor, and reports bad rows by line without writing", async () => {
    const good =
      "indicator,observed_at,value,grade,note\nCSTO troops in Kazakhstan,2022-01-15T00:00:00Z,1500,B2,drawdown\n";
    const post = (csv: string, cookie: string) =>
      fetch(`${app.url}/api/boards/${SLUG}/import/observations.csv`, {
        method: "POST",
        headers: { cookie, origin: app.url, "content-type": "text/csv" },
        body: csv,
      });
    const imported = await post(good, bob);
    expect(imported.status).toBe(201);
    expect((await imported.json()).imported).toBe(1);
    const before = await app.db.observation.count();
    const bad = await post(`${good}CSTO troops in Kazakhstan,not-a-date,abc,Z9,\n`, bob);
    expect(bad.status).toBe(400);
    const issues = (await bad.json()).error.issues as { path: (string | number)[] }[];
    expect(issues.some((issue) => issue.path[0] === 3)).toBe(true);
    expect(await app.db.observation.count()).toBe(before);
  });

  it("takes its own JSON-LD export back without writing anything twice", async () => {
    const exported = await (await get("/export/annotations.jsonld", alice)).text();
    const response = await fetch(`${app.url}/api/boards/${SLUG}/import/annotations.jsonld`, {
      method: "POST",
      headers: { cookie: alice, origin: app.url, "content-type": "application/ld+json" },
      body: exported,
    });
    expect(response.status).toBe(201);
    const report = await response.json();
    expect(report.imported).toBe(0);
    expect(report.skipped).toBeGreaterThan(0);
  });
});
