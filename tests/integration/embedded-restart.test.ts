// The default path of `npm start`: an embedded PostgreSQL under DATA_DIR that keeps everything across
// a stop and a start, with the demo board seeded on the first start only.
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "@/server/app";
import { parseConfig } from "@/server/config";
import { createLogger } from "@/server/logger";
import { DEMO_PASSWORD } from "@/server/seed/seed-demo-board";
import { connectSocket, signIn, waitForConnect } from "../support/factories";

let dataDir: string;

const startEmbedded = (): Promise<App> =>
  createApp({
    config: parseConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir }),
    logger: createLogger("silent"),
    pages: "none",
  });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "wf-embedded-"));
  await chmod(dataDir, 0o755);
});

afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe("the embedded database", () => {
  it("keeps an acknowledged annotation across a stop and a start, and seeds the demo only once", async () => {
    const id = randomUUID();
    const first = await startEmbedded();
    try {
      const board = await first.db.board.findUniqueOrThrow({ where: { slug: "russia-ukraine-2022-01" } });
      const socket = connectSocket(
        first,
        await signIn(first, { email: "bob@watchfloor.test", password: DEMO_PASSWORD }),
      );
      await waitForConnect(socket);
      const ack = await socket.emitWithAck("annotation:create", {
        id,
        boardId: board.id,
        target: { type: "board" },
        body: "Shift handover: nothing new from Vienna yet.",
      });
      socket.disconnect();
      expect(ack.ok).toBe(true);
    } finally {
      await first.stop();
    }

    const second = await startEmbedded();
    try {
      expect(await second.db.annotation.findUnique({ where: { id } })).toMatchObject({
        body: "Shift handover: nothing new from Vienna yet.",
      });
      expect(await second.db.board.count()).toBe(1);
      expect(await second.db.user.count()).toBe(3);
    } finally {
      await second.stop();
    }
  });
});
