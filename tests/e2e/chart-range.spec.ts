// Drag-to-annotate a range, in Chromium: Bob drags across his first chart, the composer names the span,
// and once he adds the annotation Alice's chart shades the same span without a reload.
import { expect, type Locator, test } from "@playwright/test";
import { signedInPage } from "./support";

const INDICATOR = "Russian troops near Ukraine's border";
const UTC_MINUTE = String.raw`20\d\d-\d\d-\d\d \d\d:\d\dZ`;

/** Left and right edges of each shaded range, in pixels from the left of the chart's surface. */
async function rangeEdges(chart: Locator): Promise<[number, number][]> {
  const surface = await chart.locator(".recharts-surface").boundingBox();
  if (!surface) throw new Error("the chart did not render");
  const boxes = await chart
    .locator(".recharts-reference-area rect, .recharts-reference-area path")
    .evaluateAll((shapes) =>
      shapes.map((shape) => {
        const box = shape.getBoundingClientRect();
        return [box.left, box.right] as [number, number];
      }),
    );
  return boxes.map(([left, right]) => [left - surface.x, right - surface.x]);
}

test("a range Bob drags across a chart is annotated, and Alice's chart shades it live", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const aliceChart = alice.page.getByTestId("indicator-chart").first();
  await expect(aliceChart).toHaveAccessibleName(new RegExp(`^${INDICATOR}`));
  await expect(aliceChart.locator(".recharts-line-curve")).toBeVisible();
  const rangesBefore = await aliceChart.locator(".recharts-reference-area").count();

  const bobChart = bob.page.getByTestId("indicator-chart").first();
  await expect(bobChart).toHaveAccessibleName(new RegExp(`^${INDICATOR}`));
  const surface = await bobChart.locator(".recharts-surface").boundingBox();
  if (!surface) throw new Error("Bob's chart did not render");
  const y = surface.y + surface.height * 0.5;
  const startX = Math.round(surface.width * 0.4);
  const endX = Math.round(surface.width * 0.7);
  await bob.page.mouse.move(surface.x + startX, y);
  await bob.page.mouse.down();
  await bob.page.mouse.move(surface.x + (startX + endX) / 2, y, { steps: 6 });
  await expect(bobChart.locator(".chart-drag-selection"), "the span shows while dragging").toBeVisible();
  await bob.page.mouse.move(surface.x + endX, y, { steps: 6 });
  await bob.page.mouse.up();
  await expect(bobChart.locator(".chart-drag-selection")).toHaveCount(0);

  const target = bob.page.getByTestId("composer-target");
  await expect(target).toHaveText(new RegExp(`^${INDICATOR}, ${UTC_MINUTE} – ${UTC_MINUTE}$`));
  const targetLabel = (await target.textContent()) ?? "";

  const body = `Build-up steepens over this stretch — ${Date.now()}`;
  await bob.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(body);
  await bob.page.getByRole("button", { name: "Add", exact: true }).click();

  const onAlicesList = alice.page.getByTestId("annotation").filter({ hasText: body });
  await expect(onAlicesList).toBeVisible();
  await expect(onAlicesList).toContainText(`on ${targetLabel}`);
  await expect(aliceChart.locator(".recharts-reference-area")).toHaveCount(rangesBefore + 1);

  // Both browsers lay the board out alike, so the shaded span sits where Bob's drag began and ended.
  const shaded = await rangeEdges(aliceChart);
  const matching = shaded.filter(([left, right]) => Math.abs(left - startX) < 3 && Math.abs(right - endX) < 3);
  expect(matching, `a shaded range from ${startX}px to ${endX}px among ${JSON.stringify(shaded)}`).toHaveLength(1);

  await alice.context.close();
  await bob.context.close();
});
