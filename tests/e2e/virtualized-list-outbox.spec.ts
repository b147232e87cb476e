// The thread list is virtualized against its offset in the panel. The outbox renders nothing while empty,
// so the first pending note inserts it above the list: the list must measure its offset again, or the
// rows drawn are those for a place the outbox's height further down, and the view shows blank space.
import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

test("threads fill the view after pending notes appear above the list", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const { page } = bob;
  const stamp = Date.now();
  const composer = page.getByRole("textbox", { name: "Annotation", exact: true });
  const add = async (body: string) => {
    await composer.fill(body);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(composer).toHaveValue("");
  };
  // Enough threads that the list runs far below the panel's bottom.
  for (let index = 0; index < 40; index += 1) await add(`Scroll filler ${index} ${stamp}`);
  await expect(page.getByTestId("outbox-pending")).toHaveCount(0);

  await bob.context.setOffline(true);
  await expect(page.getByTestId("connection")).toContainText("Offline");
  // Taller than the rows drawn beyond the view's edges (overscan): a margin short by it shows blank space.
  for (let index = 0; index < 40; index += 1) await add(`Pending while offline ${index} ${stamp}`);
  await expect(page.getByTestId("outbox-pending")).toHaveCount(40);

  // Scroll well into the list: threads, not blank space, must stand at the top and middle of the panel.
  await page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>("section.annotations");
    const list = panel?.querySelector<HTMLElement>("ol.annotation-list");
    if (!panel || !list) throw new Error("no annotations panel or thread list");
    const listTop = list.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
    panel.scrollTop = listTop + 1200;
  });
  await expect
    .poll(() =>
      page.evaluate(() => {
        const panel = document.querySelector<HTMLElement>("section.annotations");
        if (!panel) return false;
        const box = panel.getBoundingClientRect();
        const viewTop = Math.max(box.top, 0) + 20;
        const viewBottom = Math.min(box.bottom, window.innerHeight);
        return [viewTop, (viewTop + viewBottom) / 2].every((y) =>
          Boolean(document.elementFromPoint(box.left + box.width / 2, y)?.closest('[data-testid="thread"]')),
        );
      }),
    )
    .toBe(true);
  await page.screenshot({ path: "test-results/virtualized-list-outbox.png" });
  await bob.context.setOffline(false);
  await expect(page.getByTestId("outbox-pending")).toHaveCount(0);
  await bob.context.close();
});
