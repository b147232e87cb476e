// An event's Admiralty grade in the browser (issue 15): Bob grades a new event as he would a figure, Alice's
// timeline shows the grade live, and the edit form opens with it, so saving another change keeps it.
import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

test("an event Bob grades shows its grade on Alice's timeline, and editing it keeps the grade", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const title = `Ferry crossings halted at Kerch — ${Date.now()}`;

  const timeline = bob.page.getByRole("region", { name: "Timeline" });
  await timeline.getByRole("button", { name: "+ Add event" }).click();
  const form = bob.page.getByRole("form", { name: "Add event" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("When (UTC)").fill("2022-01-09T14:00");
  await form.getByLabel("Reliability").selectOption("C");
  await form.getByLabel("Credibility").selectOption("3");
  await form.getByRole("button", { name: "Add event" }).click();

  const alicesEvent = alice.page.getByTestId("event").filter({ hasText: title });
  await expect(alicesEvent).toContainText("graded C3");

  const bobsEvent = bob.page.getByTestId("event").filter({ hasText: title });
  await bobsEvent.getByRole("button", { name: "Edit" }).click();
  const editForm = bob.page.getByRole("form", { name: "Edit event" });
  await expect(editForm.getByLabel("Reliability")).toHaveValue("C");
  await expect(editForm.getByLabel("Credibility")).toHaveValue("3");
  // The place is picked from the gazetteer's suggestions (issue 16); its first search builds the index.
  await editForm.getByRole("combobox", { name: "Place" }).fill("Kerch");
  await editForm
    .getByRole("option", { name: /^Kerch/ })
    .first()
    .click({ timeout: 60_000 });
  await editForm.getByLabel("Credibility").selectOption("");
  await editForm.getByRole("button", { name: "Save event" }).click();

  await expect(alicesEvent).toContainText("Kerch");
  await expect(alicesEvent).toContainText("graded C");
  await expect(alicesEvent).not.toContainText("graded C3");
  await alice.context.close();
  await bob.context.close();
});
