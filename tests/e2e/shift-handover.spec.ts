// The shift handover (issue 19) in two browsers: Bob's tabs are hidden while Alice writes; Bob comes back
// to a handover panel naming what changed, walks the unread threads with j, replies with r, and the unread
// counts fall to zero on both of his devices. The demo board is shared with other specs: every check is on
// notes this test writes, after Bob has marked what came before as read.
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { demoBoardId, signedInPage, socketOf } from "./support";

const SHOTS = process.env.SHIFT_SHOTS_DIR ?? "/tmp/helper-c";

/**
 * Headless Chromium keeps every page "visible"; the page reads document.visibilityState and listens for
 * visibilitychange (Page Visibility API), so the test sets the one and fires the other, as a browser does
 * when a tab goes to the background or comes back.
 */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((isHidden) => {
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (isHidden ? "hidden" : "visible"),
    });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => isHidden });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

/** Records notifications instead of showing them, with the permission already given. */
async function recordNotifications(page: Page) {
  await page.context().addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class RecordedNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(window, "Notification", { configurable: true, value: RecordedNotification });
  });
  await page.reload();
  await expect(page.getByTestId("connection")).toHaveText("Live");
}

const shownNotifications = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications);

async function addNote(page: Page, body: string) {
  await page.getByRole("textbox", { name: "Annotation", exact: true }).fill(body);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("annotation").filter({ hasText: body })).toBeVisible();
}

async function reply(page: Page, threadText: string, body: string) {
  const thread = page.getByTestId("thread").filter({ hasText: threadText });
  await thread.getByRole("textbox", { name: "Reply" }).fill(body);
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(thread.getByTestId("annotation").filter({ hasText: body })).toBeVisible();
}

test("Bob comes back to a handover, walks the unread threads by keyboard, and both his devices catch up", async ({
  browser,
}) => {
  const stamp = Date.now();
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const bobPhone = await signedInPage(browser, "bob@watchfloor.test");
  await recordNotifications(bobPhone.page);
  const notify = bobPhone.page.getByLabel("Notify me when this tab is hidden");
  await notify.click();
  await expect(notify).toBeChecked();

  // Bob starts a thread, and starts the shift with nothing unread on either device.
  const bobsNote = `Yelnya camp: tents counted ${stamp}`;
  await addNote(bob.page, bobsNote);
  for (const { page } of [bob, bobPhone]) {
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByTestId("unread-total")).toHaveText("No unread threads");
  }

  // Bob leaves both tabs; his own write while away is no news and no notification.
  await setHidden(bob.page, true);
  await setHidden(bobPhone.page, true);
  await addNote(bob.page, `Self-reminder for @Bob Okafor ${stamp}`);

  // Alice enters a figure beyond the troops' warning line (dated before the series, so it crosses whatever
  // else the shared board holds; deleted at the end so later specs see the demo's span).
  const boardId = await demoBoardId(alice.page);
  const socket = await socketOf(alice.page);
  const joined = await socket.emitWithAck("board:join", { boardId });
  if (!joined.ok || !("snapshot" in joined)) throw new Error("Alice's socket could not join the demo board");
  const troops = joined.snapshot.indicators.find(
    (indicator) => indicator.name === "Russian troops near Ukraine's border",
  );
  if (!troops) throw new Error("the demo's troops indicator is missing");
  const figureId = randomUUID();
  const figure = await socket.emitWithAck("observation:create", {
    id: figureId,
    boardId,
    indicatorId: troops.id,
    observedAt: "2000-01-01T00:00:00.000Z",
    value: 150_000,
  });
  expect(figure.ok && figure.warning?.direction).toBe("above");

  const buildUp = `Troop build-up near Klintsy — @Bob Okafor please grade ${stamp}`;
  const convoy = `Convoy of 40 trucks west of Kursk ${stamp}`;
  await addNote(alice.page, convoy);
  await addNote(alice.page, buildUp);
  await reply(alice.page, convoy, `Second sighting confirms the convoy ${stamp}`);
  await reply(alice.page, bobsNote, `@Bob Okafor my count is 120 tents ${stamp}`);

  // Hidden, both of Bob's pages count what Alice wrote, and the phone told him of the two mentions only.
  for (const { page } of [bob, bobPhone]) {
    await expect(page.getByTestId("unread-total")).toHaveText("3 unread threads (2 name you)");
  }
  await expect(bob.page.getByTestId("shift-announcer")).toHaveText(/^Alice Mercer replied to 'Yelnya camp: tents/);
  await expect.poll(() => shownNotifications(bobPhone.page)).toHaveLength(3);
  expect((await shownNotifications(bobPhone.page)).map((shown) => shown.title).sort()).toEqual([
    "Alice Mercer mentioned you",
    "Alice Mercer mentioned you",
    "Russian troops near Ukraine's border above 100,000",
  ]);

  // Bob comes back to his desk: the handover names what changed while he was away.
  await setHidden(bob.page, false);
  const handover = bob.page.getByTestId("handover");
  await expect(handover).toContainText(/^Since \d\d:\d\dZ \((just now|\d+ min ago)\):/);
  await expect(handover.getByTestId("handover-notes")).toHaveText("2 new notes");
  await expect(handover.getByTestId("handover-figures")).toHaveText("1 figure");
  await expect(handover.getByTestId("handover-thresholds")).toHaveText(
    "1 threshold crossed (Russian troops near Ukraine's border above 100,000)",
  );
  await expect(handover.getByTestId("handover-threads")).toHaveText("2 threads with new replies (1 names you)");
  await handover.screenshot({ path: `${SHOTS}/handover-panel.png` });
  await bob.page.screenshot({ path: `${SHOTS}/board-with-handover.png` });
  // His return is his last seen: the phone, still hidden, has nothing unread any more.
  await expect(bobPhone.page.getByTestId("unread-total")).toHaveText("No unread threads");
  await expect(bob.page.getByTestId("unread-total")).toHaveText("3 unread threads (2 name you)");

  // j walks the unread threads, each visit clearing its badge; r replies in the thread j landed on.
  const unreadThreads = bob.page.locator('[data-testid="thread"].thread-unread');
  await expect(unreadThreads).toHaveCount(3);
  await bob.page.keyboard.press("j");
  const firstId = await bob.page.locator('[data-testid="thread"]:focus').getAttribute("data-thread-id");
  const first = bob.page.locator(`[data-thread-id="${firstId}"]`);
  await expect(first).not.toHaveClass(/thread-unread/);
  await expect(unreadThreads).toHaveCount(2);
  await bob.page.keyboard.press("r");
  const replyBox = first.getByRole("textbox", { name: "Reply" });
  await expect(replyBox).toBeFocused();
  await expect(replyBox).toHaveValue("");
  const bobsReply = `On it — grading now ${stamp}`;
  await bob.page.keyboard.type(bobsReply);
  await bob.page.keyboard.press("Enter");
  await expect(first.getByTestId("annotation").filter({ hasText: bobsReply })).toBeVisible();
  // Keys typed in the reply box are text; back out of it (Shift+Tab to Resolve), j walks on.
  await bob.page.keyboard.press("Shift+Tab");
  await expect(first.getByRole("button", { name: "Resolve" })).toBeFocused();
  await bob.page.keyboard.press("j");
  await expect(unreadThreads).toHaveCount(1);
  await bob.page.keyboard.press("j");
  await expect(unreadThreads).toHaveCount(0);
  await expect(bob.page.getByTestId("unread-total")).toHaveText("No unread threads");
  await expect(bobPhone.page.getByTestId("unread-total")).toHaveText("No unread threads");
  await expect(alice.page.getByTestId("annotation").filter({ hasText: bobsReply })).toBeVisible();

  // Each line of the handover leads to the thing: the new notes line to the newest of them.
  await handover.getByRole("button", { name: "2 new notes" }).click();
  await expect(bob.page.locator('[data-testid="thread"]:focus')).toContainText(buildUp);

  // e resolves the thread in hand (said politely), / goes to the search.
  await bob.page.keyboard.press("e");
  await expect(bob.page.getByTestId("shift-announcer")).toHaveText("Thread resolved.");
  await expect(bob.page.getByTestId("thread").filter({ hasText: buildUp }).getByTestId("resolved")).toContainText(
    "Resolved by Bob Okafor",
  );
  await bob.page.keyboard.press("/");
  const search = bob.page.getByLabel("Search this board", { exact: true });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("");
  await search.blur();

  // ? lists the keys.
  await bob.page.keyboard.press("?");
  const keys = bob.page.getByRole("dialog", { name: "Keyboard" });
  await expect(keys).toBeVisible();
  await expect(keys).toContainText("Next unread thread");
  await bob.page.screenshot({ path: `${SHOTS}/key-dialog.png` });
  await bob.page.keyboard.press("Escape");
  await expect(keys).toBeHidden();

  // Away again, Bob is named once more: the home page's inbox lists the board with it.
  await setHidden(bob.page, true);
  await addNote(alice.page, `@Bob Okafor the convoy turned north ${stamp}`);
  await bobPhone.page.goto("/");
  const inboxBoard = bobPhone.page
    .getByTestId("inbox-board")
    .filter({ hasText: "Russia–Ukraine crisis, January 2022" });
  await expect(inboxBoard).toContainText(/1 unread thread/);
  await expect(inboxBoard).toContainText(/\d+ mentions? of you/);
  await bobPhone.page.getByTestId("inbox").screenshot({ path: `${SHOTS}/inbox.png` });

  const removed = await socket.emitWithAck("observation:delete", { id: figureId, boardId });
  expect(removed.ok).toBe(true);
  socket.disconnect();
  await alice.context.close();
  await bob.context.close();
  await bobPhone.context.close();
});
