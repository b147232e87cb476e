// Editing the board's facts in the browser: Bob (editor) adds a source, cites it in a new figure, corrects
// the figure and reads its history, while Alice's open figures table follows live. Carol (viewer) reads
// sources and figures but is offered no way to change them.
import { expect, type Page, test } from "@playwright/test";
import { signedInPage } from "./support";

const INDICATOR = "CSTO troops in Kazakhstan";
const FIGURE_AT = "2022-01-11 06:00Z";

/** Opens an indicator's figures table and returns its region. */
async function openFigures(page: Page, indicator: string) {
  const figures = page.getByRole("region", { name: `Figures of ${indicator}` });
  await figures.getByRole("button", { name: /^Figures \(\d+\)$/ }).click();
  await expect(figures.getByRole("table")).toBeVisible();
  return figures;
}

test("a figure Bob enters and corrects, citing a new source, shows live in Alice's figures table", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const alicesFigures = await openFigures(alice.page, INDICATOR);

  const sourceTitle = `Field report from Almaty — ${Date.now()}`;
  const sources = bob.page.getByRole("region", { name: "Sources", exact: true });
  await sources.getByRole("button", { name: "+ Add source" }).click();
  const sourceForm = bob.page.getByRole("form", { name: "Add source" });
  await sourceForm.getByLabel("Title").fill(sourceTitle);
  await sourceForm.getByLabel("Publisher").fill("Watchfloor field team");
  await sourceForm.getByLabel("Published (UTC)").fill("2022-01-11T05:30");
  await sourceForm.getByLabel("URL").fill("https://example.org/almaty");
  await sourceForm.getByLabel("Reliability").selectOption("B");
  await sourceForm.getByRole("button", { name: "Add source" }).click();
  const listedSource = sources.getByTestId("source").filter({ hasText: sourceTitle });
  await expect(listedSource).toContainText("2022-01-11 05:30Z");
  await expect(listedSource).toContainText("reliability B");

  await expect(bob.page.getByRole("button", { name: `Edit indicator ${INDICATOR}` })).toBeVisible();
  await bob.page.getByRole("button", { name: `+ Add figure to ${INDICATOR}` }).click();
  const figureForm = bob.page.getByRole("form", { name: `Add a figure to ${INDICATOR}` });
  await figureForm.getByLabel("When (UTC)").fill("2022-01-11T06:00");
  await figureForm.getByLabel("Value (troops)").fill("2400");
  await figureForm.getByLabel("Source").selectOption({ label: sourceTitle });
  await figureForm.getByLabel("Reliability").selectOption("B");
  await figureForm.getByLabel("Credibility").selectOption("2");
  await figureForm.getByRole("button", { name: "Add figure" }).click();

  const bobsFigures = await openFigures(bob.page, INDICATOR);
  const bobsRow = bobsFigures.getByTestId("figure").filter({ hasText: FIGURE_AT });
  await expect(bobsRow).toContainText("2,400 troops");
  await expect(bobsRow).toContainText("B2");
  await expect(bobsRow).toContainText(sourceTitle);

  await bobsRow.getByRole("button", { name: `Edit the figure at ${FIGURE_AT}` }).click();
  const editForm = bob.page.getByRole("form", { name: `Edit the figure at ${FIGURE_AT}` });
  await editForm.getByLabel("Value (troops)").fill("2450");
  await editForm.getByRole("button", { name: "Save figure" }).click();
  await expect(bobsRow).toContainText("2,450 troops");

  await bobsRow.getByRole("button", { name: `History of the figure at ${FIGURE_AT}` }).click();
  const history = bobsFigures.getByRole("list", { name: `History of the figure at ${FIGURE_AT}` });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("Entered by Bob Okafor");
  await expect(history.getByRole("listitem").last()).toContainText("2,450 troops");

  await expect(alicesFigures.getByTestId("figure").filter({ hasText: FIGURE_AT })).toContainText("2,450 troops");
  await alice.context.close();
  await bob.context.close();
});

test("a viewer reads sources and figures but is offered no way to change them", async ({ browser }) => {
  const carol = await signedInPage(browser, "carol@watchfloor.test");
  const sources = carol.page.getByRole("region", { name: "Sources", exact: true });
  await expect(sources.getByTestId("source").first()).toBeVisible();
  await expect(sources.getByRole("button")).toHaveCount(0);
  await expect(carol.page.getByRole("button", { name: /^Edit indicator/ })).toHaveCount(0);
  await expect(carol.page.getByRole("button", { name: /^\+ Add (figure|indicator)/ })).toHaveCount(0);

  const figures = await openFigures(carol.page, INDICATOR);
  await expect(figures.getByTestId("figure").first()).toBeVisible();
  await expect(figures.getByRole("button", { name: /^History of the figure/ }).first()).toBeVisible();
  await expect(figures.getByRole("button", { name: /^(Edit|Delete) the figure/ })).toHaveCount(0);
  await carol.context.close();
});

test("a threshold that is not a number is refused with a message, when adding and when editing an indicator", async ({
  browser,
}) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const refusal = "A warning threshold must be a number, or empty.";

  await bob.page.getByRole("button", { name: "+ Add indicator" }).click();
  const addForm = bob.page.getByRole("form", { name: "Add indicator" });
  await addForm.getByLabel("Name").fill(`Convoys seen — ${Date.now()}`);
  await addForm.getByLabel("Unit").fill("convoys");
  await addForm.getByLabel("Warn above").fill("12o");
  await addForm.getByRole("button", { name: "Add indicator" }).click();
  await expect(addForm.getByRole("alert")).toHaveText(refusal);
  await addForm.getByRole("button", { name: "Cancel" }).click();

  await bob.page.getByRole("button", { name: `Edit indicator ${INDICATOR}` }).click();
  const editForm = bob.page.getByRole("form", { name: `Edit indicator ${INDICATOR}` });
  await editForm.getByLabel("Warn below").fill("lots");
  await editForm.getByRole("button", { name: "Save indicator" }).click();
  await expect(editForm.getByRole("alert")).toHaveText(refusal);
  await editForm.getByRole("button", { name: "Cancel" }).click();
  await expect(editForm).toHaveCount(0);
  await bob.context.close();
});

test("a figure past the warning line is marked on the chart, as the export marks it, live in Alice's browser", async ({
  browser,
}) => {
  const troops = "Russian troops near Ukraine's border";
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const aliceChart = alice.page.getByTestId("indicator-chart").filter({ hasText: troops });
  await expect(aliceChart.locator(".recharts-line-curve")).toBeVisible();
  const dotsBefore = await aliceChart.locator(".recharts-reference-dot").count();

  // The figure before it (late December) is under the 100,000 line, so this one crosses it: the server
  // raises a warning annotation on the figure itself, which the chart marks like the exported chart does.
  await bob.page.getByRole("button", { name: `+ Add figure to ${troops}` }).click();
  const figureForm = bob.page.getByRole("form", { name: `Add a figure to ${troops}` });
  await figureForm.getByLabel("When (UTC)").fill("2021-12-25T06:00");
  await figureForm.getByLabel("Value (troops)").fill("130000");
  await figureForm.getByRole("button", { name: "Add figure" }).click();
  await expect(figureForm).toHaveCount(0);

  await expect(aliceChart.locator(".recharts-reference-dot")).toHaveCount(dotsBefore + 1);
  await alice.context.close();
  await bob.context.close();
});
