// The worker pool (server/workers/): a task that crashes its worker or never ends fails alone and the
// pool goes on with a fresh worker; a full queue answers an export with 503 and Retry-After. The queue
// is filled deterministically: a test task holds the one thread until released (worker-test-tasks.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/server/errors";
import { createLogger } from "@/server/logger";
import { DEMO_PASSWORD } from "@/server/seed/seed-demo-board";
import { createWorkerPool, type WorkerPool } from "@/server/workers/create-worker-pool";
import { WorkerTaskFailed, WorkerTaskTimedOut } from "@/server/workers/worker-errors";
import { signIn } from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";
import { holdHandle, TEST_WORKER_ENTRY, type TestTasks } from "../support/worker-test-tasks";

const SLUG = "russia-ukraine-2022-01";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the task to fail");
    },
    (error: unknown) => error,
  );
}

/** A tiny real task: the events CSV of no events is its header line. */
const headerOnly = async (pool: WorkerPool<TestTasks>) =>
  Buffer.concat(await (await pool.stream("events-csv", [])).toArray());

describe("a pool of one thread", () => {
  let pool: WorkerPool<TestTasks>;

  beforeAll(() => {
    pool = createWorkerPool<TestTasks>({
      threads: 1,
      maxQueue: 4,
      // Long enough for a cold worker to load its modules on a busy machine.
      taskTimeoutMs: 60_000,
      logger: createLogger("silent"),
      entry: TEST_WORKER_ENTRY,
    });
  });

  afterAll(async () => {
    await pool?.close();
  });

  it("a task that crashes its worker fails with a clear error, and the next task runs on a fresh worker", async () => {
    expect((await headerOnly(pool)).toString("utf8")).toMatch(/^\uFEFFid,title,occurred_at/);
    const error = await rejection(pool.run("crash", null));
    expect(error).toBeInstanceOf(WorkerTaskFailed);
    expect((error as AppError).code).toBe("INTERNAL");
    expect((error as AppError).message).toMatch(/failed on the server/);
    expect((await headerOnly(pool)).toString("utf8")).toMatch(/^\uFEFFid,title,occurred_at/);
  });

  it("a streamed file that fails before its first chunk rejects, so the request can still answer 500", async () => {
    const error = await rejection(pool.stream("fail-at-once", null));
    expect(error).toBeInstanceOf(WorkerTaskFailed);
  });

  it("a streamed file that fails half way never reads as complete: the stream errors, or never starts", async () => {
    // Which comes first to this thread, the first chunk or the failure, is up to the threads' timing.
    const outcome = await rejection(pool.stream("fail-half-way", null).then((body) => body.toArray()));
    expect(outcome).toBeInstanceOf(WorkerTaskFailed);
    expect((await headerOnly(pool)).toString("utf8")).toMatch(/^\uFEFFid,title/);
  });

  it("a task that never ends is stopped with WorkerTaskTimedOut, and the pool goes on", async () => {
    // A warm worker, so that the hang is what runs out the time, not the start-up.
    await headerOnly(pool);
    const error = await rejection(pool.run("hang", null, { timeoutMs: 1_000 }));
    expect(error).toBeInstanceOf(WorkerTaskTimedOut);
    expect((error as AppError).name).toBe("WorkerTaskTimedOut");
    expect((error as AppError).code).toBe("UNAVAILABLE");
    expect((error as AppError).message).toMatch(/took longer than 1 s and was stopped/);
    expect((await headerOnly(pool)).toString("utf8")).toMatch(/^\uFEFFid,title/);
  });
});

describe("exports when the queue is full", () => {
  let app: TestApp;
  let alice: string;

  beforeAll(async () => {
    app = await openTestApp({
      seedDemo: true,
      env: { WORKER_THREADS: "1", WORKER_MAX_QUEUE: "1" },
      workerEntry: TEST_WORKER_ENTRY,
    });
    alice = await signIn(app, { email: "alice@watchfloor.test", password: DEMO_PASSWORD });
  });

  afterAll(() => app?.stop());

  const workers = () => app.workers as unknown as WorkerPool<TestTasks>;
  const get = (path: string) => fetch(`${app.url}/api/boards/${SLUG}${path}`, { headers: { cookie: alice } });

  it("an export answers 503 with Retry-After while the one thread is busy and one task waits; then 200", async () => {
    const running = holdHandle();
    const waiting = holdHandle();
    const first = workers().run("hold", running.flags);
    await running.started();
    const second = workers().run("hold", waiting.flags);
    expect(workers().queued).toBe(1);

    const refused = await get("/export/chart.svg");
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/^The queue for exports and imports is full; retry in \d+ s$/);

    running.release();
    waiting.release();
    expect(await Promise.all([first, second])).toEqual(["released", "released"]);
    const served = await get("/export/chart.svg");
    expect(served.status).toBe(200);
    expect(await served.text()).toContain("<svg");
  });

  it("an export whose worker crashed fails alone: the next request is served", async () => {
    await rejection(workers().run("crash", null));
    const served = await get("/export/annotations.csv");
    expect(served.status).toBe(200);
    // Buffer keeps the byte order mark that Response.text() would strip.
    expect(Buffer.from(await served.arrayBuffer()).toString("utf8")).toMatch(/^\uFEFFid,created_at,author/);
  });
});
