// Notes written offline are kept (IndexedDB), shown as pending, and arrive exactly once when the
// analyst is back — whether the tab stayed open or was closed in between.
import { expect, test } from "@playwright/test";
import { DEMO_BOARD, signedInPage } from "./support";

test("notes written offline survive a closed tab and arrive once when Bob is back", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const stamp = Date.now();
  const notes = [`Offline note one ${stamp}`, `Offline note two ${stamp}`];

  await bob.context.setOffline(true);
  await expect(bob.page.getByTestId("connection")).toContainText("Offline");
  for (const note of notes) {
    await bob.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(note);
    await bob.page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(bob.page.getByTestId("outbox-pending").filter({ hasText: note })).toBeVisible();
  }
  await bob.page.close();

  await bob.context.setOffline(false);
  const again = await bob.context.newPage();
  await again.goto(DEMO_BOARD);
  await expect(again.getByTestId("connection")).toHaveText("Live");
  for (const note of notes) {
    await expect(alice.page.getByTestId("annotation").filter({ hasText: note })).toHaveCount(1);
    await expect(again.getByTestId("annotation").filter({ hasText: note })).toHaveCount(1);
  }
  await expect(again.getByTestId("outbox-pending")).toHaveCount(0);
  await alice.page.reload();
  for (const note of notes) await expect(alice.page.getByTestId("annotation").filter({ hasText: note })).toHaveCount(1);
  await alice.context.close();
  await bob.context.close();
});

test("notes written offline arrive once, in order, when the tab comes back online", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const stamp = Date.now();
  const notes = [`First while offline ${stamp}`, `Second while offline ${stamp}`];

  await bob.context.setOffline(true);
  await expect(bob.page.getByTestId("connection")).toContainText("Offline");
  for (const note of notes) {
    await bob.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(note);
    await bob.page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(bob.page.getByTestId("outbox-pending").filter({ hasText: note })).toBeVisible();
  }
  await expect(bob.page.getByTestId("outbox-pending")).toHaveCount(2);
  await bob.context.setOffline(false);
  await expect(bob.page.getByTestId("connection")).toHaveText("Live");
  await expect(bob.page.getByTestId("outbox-pending")).toHaveCount(0);

  for (const note of notes) await expect(alice.page.getByTestId("annotation").filter({ hasText: note })).toHaveCount(1);
  // Newest first in the panel: the second note stands above the first.
  const bodies = await alice.page.getByTestId("annotation").locator(".annotation-body").allTextContents();
  expect(bodies.indexOf(notes[1] ?? "")).toBeLessThan(bodies.indexOf(notes[0] ?? ""));
  await alice.context.close();
  await bob.context.close();
});

test("a note the server refuses is shown as not saved, with the reason, and can be discarded", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const page = bob.page;
  // An assessment without confidence is refused by the server; the composer normally prevents it, so
  // put the refused write into the outbox the way an older client or a changed rule would.
  await page.evaluate(async () => {
    const open = indexedDB.open("watchfloor-outbox", 1);
    await new Promise((resolve) => {
      open.onsuccess = resolve;
      open.onupgradeneeded = () => open.result.createObjectStore("writes", { keyPath: "id" });
    });
    const session = await (await fetch("/api/auth/get-session")).json();
    const board = await (await fetch("/api/boards/russia-ukraine-2022-01")).json();
    const id = crypto.randomUUID();
    const entry = {
      id,
      boardId: board.board.id,
      userId: session.user.id,
      payload: {
        id,
        boardId: board.board.id,
        target: { type: "board" },
        body: "Refused assessment",
        kind: "assessment",
      },
      status: "pending",
      queuedAt: Date.now(),
    };
    await new Promise((resolve) => {
      const tx = open.result.transaction("writes", "readwrite");
      tx.objectStore("writes").put(entry);
      tx.oncomplete = resolve;
    });
  });
  await page.reload();
  const failed = page.getByTestId("outbox-failed").filter({ hasText: "Refused assessment" });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText("confidence");
  await failed.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByTestId("outbox-failed")).toHaveCount(0);
  await bob.context.close();
});

test("a colleague's tab that closes leaves the presence bar within 5 seconds", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const carol = await signedInPage(browser, "carol@watchfloor.test");
  const avatars = alice.page.getByTestId("presence");
  await expect(avatars.getByText("Carol Lindqvist")).toBeAttached();
  await carol.page.close();
  await expect(avatars.getByText("Carol Lindqvist")).toHaveCount(0, { timeout: 5000 });
  await alice.context.close();
  await carol.context.close();
});
