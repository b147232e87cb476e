// Events and figures from a report (issue 15): an editor opens the demo board's report, has the dates,
// figures and names found, and goes through them with the keyboard only: the Geneva talks become an event
// on the timeline, "more than 100,000 troops" a point on the troop chart, each with its passage as
// evidence, and another analyst sees both arrive live. A viewer may read the candidates, not find them.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signedInPage } from "./support";

const REPORT = "NATO ministers set tone before week of talks with Moscow";
const TROOPS = "Russian troops near Ukraine's border";

async function openReport(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: `Read ${REPORT}` }).click();
  const pane = page.getByTestId("document-pane");
  await expect(pane.getByTestId("document-text")).toContainText("Those talks start on Monday");
  return pane;
}

/** Moves through the list with j (then k, once at its end) until the selected candidate is `kind` saying `meaning`. */
async function selectWithKeys(page: Page, list: Locator, kind: string, meaning: string): Promise<string> {
  const selected = list.locator('[role="option"][aria-selected="true"]');
  let key = "j";
  let last: string | null = null;
  for (let step = 0; step < 400; step++) {
    const id = (await selected.count()) ? await selected.getAttribute("id") : null;
    if (
      id &&
      (await selected.getAttribute("data-kind")) === kind &&
      ((await selected.textContent()) ?? "").includes(meaning)
    ) {
      return id;
    }
    if (id !== null && id === last) key = key === "j" ? "k" : "j";
    last = id;
    await page.keyboard.press(key);
  }
  throw new Error(`no ${kind} candidate saying ${meaning}`);
}

test("an editor confirms the Geneva talks and the troop figure with the keyboard; a colleague sees both with their evidence", async ({
  browser,
}) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const pane = await openReport(bob.page);

  await pane.getByRole("button", { name: "Find events and figures" }).click();
  const list = pane.getByRole("listbox", { name: "Candidates found in the document" });
  await expect(list.getByRole("option").first()).toBeVisible();
  // The keys go to the list once the candidates are found.
  await expect(list).toBeFocused();
  await expect(pane.locator('[data-candidate-kind="date"]').first()).toBeVisible();
  await expect(pane.locator('[data-candidate-kind="figure"]').first()).toBeVisible();

  // Names only suggest places: Bob leaves them out of the list and off the text.
  await pane.getByRole("button", { name: /^Names \(\d+\)$/ }).click();
  await expect(list.locator('[data-kind="name"]')).toHaveCount(0);
  await expect(pane.locator('[data-candidate-kind="name"]')).toHaveCount(0);

  // From here on, keys only: Tab from the filter to the list, j moves, Enter proposes, Enter saves.
  await bob.page.keyboard.press("Tab");
  await expect(list).toBeFocused();
  const talks = list.locator(`[id="${await selectWithKeys(bob.page, list, "date", "2022-01-10")}"]`);
  await expect(talks).toContainText("10 January");
  await bob.page.keyboard.press("Enter");
  const proposal = pane.getByTestId("candidate-proposal");
  await expect(proposal.getByLabel("Title")).toHaveValue(/^Those talks start on Monday, 10 January, in Geneva/);
  await expect(proposal.getByLabel("Title")).toBeFocused();
  await expect(proposal.getByLabel("When (UTC)")).toHaveValue("2022-01-10T12:00");
  await expect(proposal).toContainText("Reliability B");
  // The sentence names Geneva: the proposal looks it up and takes the best suggestion (issue 16).
  await expect(proposal.getByTestId("chosen-place")).toContainText("Geneva", { timeout: 60_000 });
  await bob.page.keyboard.press("Enter");
  await expect(proposal).toHaveCount(0);
  await expect(talks).toHaveAttribute("data-status", "confirmed");
  await expect(list).toBeFocused();

  const figure = list.locator(`[id="${await selectWithKeys(bob.page, list, "figure", "100,000")}"]`);
  await bob.page.keyboard.press("e");
  await expect(proposal.getByLabel("Value")).toHaveValue("100000");
  // "Since November, Moscow has brought …": a count as of the report, not of 1 November.
  await expect(proposal.getByLabel("Observed at (UTC)")).toHaveValue("2022-01-08T09:00");
  await expect(proposal.getByRole("combobox", { name: "Indicator" }).locator("option:checked")).toHaveText(
    new RegExp(TROOPS),
  );
  // The README's picture (docs/candidates.png): marks, the list, the proposal for the figure.
  await pane.screenshot({ path: "/tmp/candidates.png" });
  await bob.page.keyboard.press("Enter");
  await expect(proposal).toHaveCount(0);
  await expect(figure).toHaveAttribute("data-status", "confirmed");

  // The event is on the timeline with its passage as evidence, on both analysts' screens.
  for (const page of [bob.page, alice.page]) {
    const event = page.getByTestId("event").filter({ hasText: "Those talks start on Monday, 10 January" });
    await expect(event).toBeVisible();
    await expect(event.getByTestId("evidence")).toContainText(`from ${REPORT}: '…`);
    await expect(event.getByTestId("evidence")).toContainText("10 January");
  }

  // The figure is a point on the troop chart, with its evidence, for Alice (charts are beside her timeline).
  const chart = alice.page.getByRole("region", { name: `Figures of ${TROOPS}` });
  await chart.getByRole("button", { name: /^Figures \(\d+\)$/ }).click();
  const row = chart.getByTestId("figure").filter({ has: alice.page.getByTestId("evidence") });
  await expect(row).toContainText("100,000");
  await expect(row.getByTestId("evidence")).toContainText(`from ${REPORT}: '…`);
  await expect(row.getByTestId("evidence")).toContainText("100,000");

  // The evidence opens the report at its passage.
  await row.getByTestId("evidence").getByRole("button").click();
  await expect(alice.page.getByTestId("document-pane")).toContainText(REPORT);
  // Her list draws only the rows in view; with the names left out, the figure's row is among them.
  const alicePane = alice.page.getByTestId("document-pane");
  const labels = await alicePane.getByRole("button", { name: /^(Dates|Figures|Names) \(\d+\)$/ }).allTextContents();
  const total = labels.reduce((sum, label) => sum + Number(label.match(/\((\d+)\)/)?.[1] ?? 0), 0);
  expect(total).toBeGreaterThan(40);
  await expect(alicePane.getByTestId("candidate").first()).toBeVisible();
  expect(await alicePane.getByTestId("candidate").count()).toBeLessThan(total);
  await alicePane.getByRole("button", { name: /^Names \(\d+\)$/ }).click();
  await expect(alice.page.getByTestId("candidate").filter({ hasText: "100,000" }).first()).toContainText("confirmed");

  // Bob closes the document: his chart shows the new point too.
  await pane.getByRole("button", { name: "close" }).click();
  const bobsChart = bob.page.getByRole("region", { name: `Figures of ${TROOPS}` });
  await bobsChart.getByRole("button", { name: /^Figures \(\d+\)$/ }).click();
  await expect(bobsChart.getByTestId("figure").filter({ has: bob.page.getByTestId("evidence") })).toContainText(
    "100,000",
  );

  await alice.context.close();
  await bob.context.close();
});

test("a viewer reads the report without the button to find events and figures", async ({ browser }) => {
  const carol = await signedInPage(browser, "carol@watchfloor.test");
  const pane = await openReport(carol.page);
  await expect(pane.getByRole("button", { name: "Revise", exact: true })).toHaveCount(0);
  await expect(pane.getByRole("button", { name: "Find events and figures" })).toHaveCount(0);
  await carol.context.close();
});

test("a document without a publication date asks for one; a candidate decided by a colleague is refused in words; x rejects", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const title = `Field note ${Date.now()}`;
  const text = [
    "Field note, midweek edition.",
    "Talks between the two delegations resume in Oslo on 14 February, officials said.",
    "Roughly 3,000 soldiers remain at the training ground near Brest.",
  ].join("\n\n");
  await alice.page.getByRole("button", { name: "+ Add source" }).click();
  const form = alice.page.getByRole("form", { name: "Add source" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Text").fill(text);
  await form.getByRole("button", { name: "Add source" }).click();
  await alice.page.getByRole("button", { name: `Read ${title}` }).click();
  const alicePane = alice.page.getByTestId("document-pane");

  // No publication date: the pane asks for it, saves it on the source and finds the dates against it.
  await alicePane.getByRole("button", { name: "Find events and figures" }).click();
  await expect(alicePane).toContainText("publication date");
  await alicePane.getByLabel("Published on (UTC)").fill("2022-02-09");
  await alicePane.getByRole("button", { name: "Save and find" }).click();
  const aliceList = alicePane.getByRole("listbox", { name: "Candidates found in the document" });
  await expect(aliceList.locator('[data-kind="date"]').filter({ hasText: "2022-02-14" })).toBeVisible();

  await bob.page.getByRole("button", { name: `Read ${title}` }).click();
  const bobPane = bob.page.getByTestId("document-pane");
  const bobList = bobPane.getByRole("listbox", { name: "Candidates found in the document" });
  await expect(bobList.locator('[data-kind="figure"]').filter({ hasText: "3,000" })).toBeVisible();

  // Alice opens the figure's proposal; Bob confirms the same figure first.
  await aliceList.focus();
  const figureId = await selectWithKeys(alice.page, aliceList, "figure", "3,000");
  await alice.page.keyboard.press("Enter");
  const aliceProposal = alicePane.getByTestId("candidate-proposal");
  await expect(aliceProposal.getByLabel("Value")).toHaveValue("3000");
  await bobList.focus();
  await selectWithKeys(bob.page, bobList, "figure", "3,000");
  await bob.page.keyboard.press("Enter");
  await bob.page.keyboard.press("Enter");
  await expect(bobPane.getByTestId("candidate-proposal")).toHaveCount(0);
  await expect(aliceList.locator(`[id="${figureId}"]`)).toContainText("confirmed by Bob Okafor");
  await aliceProposal.getByLabel("Value").press("Enter");
  await expect(aliceProposal).toContainText("Bob Okafor already confirmed this candidate");
  await alice.page.keyboard.press("Escape");
  await expect(aliceProposal).toHaveCount(0);

  // x turns a name down; Bob sees it rejected.
  await expect(aliceList).toBeFocused();
  const osloId = await selectWithKeys(alice.page, aliceList, "name", "Oslo");
  await alice.page.keyboard.press("x");
  await expect(aliceList.locator(`[id="${osloId}"]`)).toHaveAttribute("data-status", "rejected");
  await expect(bobList.locator(`[id="${osloId}"]`)).toHaveAttribute("data-status", "rejected");

  await alice.context.close();
  await bob.context.close();
});
