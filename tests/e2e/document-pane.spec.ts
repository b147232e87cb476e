// Reading a document together (issue 14): Alice selects a sentence in the document pane and annotates
// it, Bob sees the highlight arrive; Alice revises the document, the highlight follows its sentence to its
// new place, and the note whose sentence was deleted is listed as lost until Bob attaches it elsewhere.
import { expect, type Page, test } from "@playwright/test";
import { makePdf } from "../fixtures/documents/make-pdf";
import { signedInPage } from "./support";

const KEPT = "Roughly 100,000 men are massed near the border.";
const DROPPED = "The deputy minister said nothing would be decided in Geneva.";
const NEW_HOME = "Talks resume in Brussels next week.";

const VERSION_1 = [
  "Situation report, morning edition.",
  `${KEPT} Rail traffic towards Belgorod is heavy.`,
  `${DROPPED} Observers expect a long week.`,
].join("\n\n");

const VERSION_2 = [
  "Situation report, evening edition, revised after the briefing.",
  "A new paragraph of context comes first, so every later passage moves.",
  `${KEPT} Rail traffic towards Belgorod is heavy.`,
  `${NEW_HOME} Observers expect a long week.`,
].join("\n\n");

/** Drags the mouse over `sentence` in the pane, from just inside its first character to its last. */
async function selectWithMouse(page: Page, sentence: string) {
  const box = await page.getByTestId("document-text").evaluate((root, wanted) => {
    // The sentence may run over several runs (a highlight inside it): find it in the drawn text as a whole.
    const nodes: { node: Text; from: number }[] = [];
    let drawn = "";
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, from: drawn.length });
      drawn += (node as Text).data;
    }
    const at = drawn.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not drawn`);
    const rectOfChar = (offset: number) => {
      const holder = nodes.findLast((entry) => entry.from <= offset);
      if (!holder) throw new Error("no text node");
      const range = document.createRange();
      range.setStart(holder.node, offset - holder.from);
      range.setEnd(holder.node, offset - holder.from + 1);
      return range.getBoundingClientRect();
    };
    const first = rectOfChar(at);
    const last = rectOfChar(at + wanted.length - 1);
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, sentence);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

async function addSourceWithText(page: Page, title: string, text: string) {
  await page.getByRole("button", { name: "+ Add source" }).click();
  const form = page.getByRole("form", { name: "Add source" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Text").fill(text);
  await form.getByRole("button", { name: "Add source" }).click();
}

async function annotateSelection(page: Page, body: string, kind = "note") {
  await page.getByTestId("selection-bar").getByRole("button", { name: "Annotate" }).click();
  await page.getByLabel("Kind").selectOption(kind);
  await page.getByRole("textbox", { name: "Annotation", exact: true }).fill(body);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("annotation").filter({ hasText: body })).toBeVisible();
}

test("a passage annotated by one analyst is highlighted live for another and follows a revision", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const title = `Sitrep ${Date.now()}`;

  // Alice adds a source with its text: version 1 of its document.
  await addSourceWithText(alice.page, title, VERSION_1);

  await alice.page.getByRole("button", { name: `Read ${title}` }).click();
  await bob.page.getByRole("button", { name: `Read ${title}` }).click();
  await expect(alice.page.getByTestId("document-readers")).toContainText("Bob Okafor");
  await expect(bob.page.getByTestId("document-text")).toContainText(KEPT);

  // Alice selects a sentence with the mouse and annotates it; the target is exactly that sentence.
  const keptNote = `Numbers match the satellite count — ${Date.now()}`;
  await selectWithMouse(alice.page, KEPT);
  await expect(alice.page.getByTestId("selection-bar")).toContainText(KEPT);
  await annotateSelection(alice.page, keptNote);
  const droppedNote = `Geneva line to watch — ${Date.now()}`;
  await selectWithMouse(alice.page, DROPPED);
  await annotateSelection(alice.page, droppedNote);

  // Bob sees both highlights arrive, each on its sentence at its offset in version 1.
  const bobKept = bob.page.getByTestId("highlight").filter({ hasText: KEPT });
  await expect(bobKept).toHaveText(KEPT);
  await expect(bobKept).toHaveAttribute("data-start", String(VERSION_1.indexOf(KEPT)));
  await expect(bob.page.getByTestId("highlight").filter({ hasText: DROPPED })).toHaveText(DROPPED);

  // A click on the highlight opens its thread.
  await bobKept.click();
  await expect(bob.page.getByTestId("passage-threads")).toContainText(keptNote);

  // Alice saves version 2: a paragraph before the kept sentence, the Geneva sentence gone.
  await alice.page.getByRole("button", { name: "Revise", exact: true }).click();
  await alice.page.getByRole("textbox", { name: /New text, edited from version 1/ }).fill(VERSION_2);
  await alice.page.getByRole("button", { name: "Save as a new version" }).click();

  // Bob's highlight moves with its sentence; the other note is listed as lost, with its quote.
  await expect(bobKept).toHaveAttribute("data-start", String(VERSION_2.indexOf(KEPT)));
  await expect(bobKept).toHaveText(KEPT);
  await expect(bob.page.getByTestId("highlight").filter({ hasText: DROPPED })).toHaveCount(0);
  await expect(bob.page.getByTestId("orphans")).toContainText("1 note lost its passage in version 2");
  await expect(bob.page.getByTestId("orphan")).toContainText(DROPPED);

  // Version 1 stays readable, with the lost note still on its sentence there.
  await bob.page.getByLabel("Version shown").selectOption("1");
  await expect(bob.page.getByTestId("highlight").filter({ hasText: DROPPED })).toHaveText(DROPPED);
  await bob.page.getByLabel("Version shown").selectOption("2");

  // Bob attaches the lost note to the sentence that replaced it; Alice sees it there.
  await bob.page.getByTestId("orphan").getByRole("button", { name: "attach to a new passage…" }).click();
  await selectWithMouse(bob.page, NEW_HOME);
  await bob.page.getByTestId("selection-bar").getByRole("button", { name: "Attach here" }).click();
  await expect(bob.page.getByTestId("orphans")).toHaveCount(0);
  const aliceAttached = alice.page.getByTestId("highlight").filter({ hasText: NEW_HOME });
  await expect(aliceAttached).toHaveAttribute("data-start", String(VERSION_2.indexOf(NEW_HOME)));

  await alice.context.close();
  await bob.context.close();
});

test("overlapping passages share a hatched run, each tinted by its kind, and the list narrows to the document", async ({
  browser,
}) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const title = `Cable ${Date.now()}`;
  const first = "Columns of armour were seen moving south overnight.";
  const second = "Local officials deny any build-up.";
  const text = [
    "Cable from the embassy, second week of January.",
    `${first} ${second}`,
    "The ministry will brief again on Friday; no date is set for the next round of talks.",
  ].join("\n\n");
  await addSourceWithText(bob.page, title, text);
  await bob.page.getByRole("button", { name: `Read ${title}` }).click();

  await selectWithMouse(bob.page, first);
  await annotateSelection(bob.page, `Armour sighting — ${Date.now()}`, "warning");
  const overlapping = "moving south overnight. Local officials deny";
  await selectWithMouse(bob.page, overlapping);
  await annotateSelection(bob.page, `Who saw it? — ${Date.now()}`, "question");

  const pane = bob.page.getByTestId("document-pane");
  const shared = pane.locator('[data-testid="highlight"][data-annotation-ids*=" "]');
  await expect(shared).toHaveText("moving south overnight.");
  await expect(pane.locator('[data-testid="highlight"][data-kind="warning"]').first()).toHaveText(
    "Columns of armour were seen ",
  );
  await expect(pane.locator('[data-testid="highlight"][data-kind="question"]')).toHaveText(/^\s?Local officials deny$/);

  await pane.getByRole("button", { name: "List: on this document" }).click();
  await expect(bob.page.getByTestId("thread")).toHaveCount(2);
  await expect(bob.page).toHaveURL(/[?&]source=/);

  await pane.screenshot({ path: "/tmp/document-pane.png" });
  await bob.context.close();
});

test("an uploaded PDF becomes the next version with its page marks, and a broken file is refused in words", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const title = `Upload ${Date.now()}`;
  await addSourceWithText(alice.page, title, "");
  await alice.page.getByRole("button", { name: `Add a document to ${title}` }).click();
  const pane = alice.page.getByTestId("document-pane");
  await expect(pane).toContainText("This source has no document yet");

  await pane.getByRole("button", { name: "Upload", exact: true }).click();
  const pdf = makePdf(["First page of the report.\n\nA second paragraph here.", "Second page: the annex."]);
  await pane.getByLabel(/A file as the next version/).setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(pdf),
  });
  await pane.getByRole("button", { name: "Send the file" }).click();
  await expect(pane.getByTestId("document-text")).toContainText("Second page: the annex.");
  await expect(pane.getByTestId("page-mark")).toHaveText(["p. 1", "p. 2"]);
  await expect(pane.getByLabel("Version shown")).toHaveValue("1");

  await pane.getByRole("button", { name: "Upload", exact: true }).click();
  await pane.getByLabel(/A file as the next version/).setInputFiles({
    name: "broken.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.7 this is not really a PDF"),
  });
  await pane.getByRole("button", { name: "Send the file" }).click();
  await expect(pane.getByRole("alert")).toContainText("The PDF is damaged or incomplete");
  await expect(pane.getByLabel("Version shown")).toHaveValue("1");
  await alice.context.close();
});

test("a long document draws only the paragraphs in view, and a search result scrolls the pane to its passage", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const title = `Long report ${Date.now()}`;
  const filler = Array.from(
    { length: 400 },
    (_, index) => `Paragraph ${index + 1}: routine movements along the rail line, nothing of note to report today.`,
  );
  const needle = "Quartermasters ordered winter fuel for the forward depots.";
  await addSourceWithText(alice.page, title, [...filler, needle, "Closing line."].join("\n\n"));
  await alice.page.getByRole("button", { name: `Read ${title}` }).click();
  const text = alice.page.getByTestId("document-pane").getByTestId("document-text");
  await expect(text).toContainText("Paragraph 1:");
  // Virtualized: a screenful of the 402 paragraphs is in the DOM, not all of them.
  expect(await text.locator("p").count()).toBeLessThan(80);
  await expect(text).not.toContainText(needle);

  await alice.page.getByRole("searchbox", { name: "Search this board" }).fill("quartermasters winter fuel");
  const passages = alice.page.getByRole("region", { name: "Search results" }).getByRole("region", {
    name: "Passages found",
  });
  await passages.getByRole("button").filter({ hasText: title }).first().click();
  await expect(text.getByText(needle)).toBeInViewport();
  await alice.context.close();
});
