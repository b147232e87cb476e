// The place field (issue 16): Bob types Kyiv's Ukrainian name, picks it from the gazetteer's suggestions with
// the keyboard, and the event reaches Alice's timeline with its place; namesakes show their countries, Escape
// closes the list without leaving the form, and Clear takes the place off.
import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

// The first search of the server builds the gazetteer's index in a worker: seconds, once.
const FIRST_SEARCH_MS = 60_000;

test("an analyst picks Київ from the suggestions with the keyboard; the event reaches a colleague with its place", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const title = `Envoys meet in Kyiv — ${Date.now()}`;

  await bob.page.getByRole("region", { name: "Timeline" }).getByRole("button", { name: "+ Add event" }).click();
  const form = bob.page.getByRole("form", { name: "Add event" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("When (UTC)").fill("2022-01-11T10:00");

  const place = form.getByRole("combobox", { name: "Place" });
  const suggestions = form.getByRole("listbox", { name: "Place suggestions" });
  // Namesakes first: each Odessa says where it is.
  await place.fill("Odessa");
  await expect(suggestions.getByRole("option").first()).toContainText("Ukraine", { timeout: FIRST_SEARCH_MS });
  await expect(suggestions.getByRole("option").filter({ hasText: "TX · United States" })).toHaveCount(1);
  await place.press("Escape");
  await expect(suggestions).toHaveCount(0);
  await expect(form).toBeVisible();

  await place.fill("Київ");
  const kyiv = suggestions.getByRole("option").first();
  await expect(kyiv).toContainText("Kyiv (Київ)");
  await expect(kyiv).toContainText("Ukraine");
  await place.press("ArrowDown");
  await expect(kyiv).toHaveAttribute("aria-selected", "true");
  await expect(place).toHaveAttribute("aria-activedescendant", (await kyiv.getAttribute("id")) ?? "");
  await place.press("Enter");
  // Enter picked the place; it did not submit the form.
  await expect(form).toBeVisible();
  await expect(place).toHaveValue("Kyiv");
  await expect(form.getByTestId("chosen-place")).toContainText("50.45° N, 30.52° E");

  // Clear, and pick again with the mouse.
  await form.getByRole("button", { name: "Clear the place Kyiv" }).click();
  await expect(form.getByTestId("chosen-place")).toHaveCount(0);
  await place.fill("Kyiv");
  await suggestions.getByRole("option", { name: /^Kyiv/ }).first().click();
  await expect(form.getByTestId("chosen-place")).toContainText("Kyiv");

  await form.getByRole("button", { name: "Add event" }).click();
  await expect(form).toHaveCount(0);
  const alicesEvent = alice.page.getByTestId("event").filter({ hasText: title });
  await expect(alicesEvent).toContainText("Kyiv");

  // Editing opens with the place chosen.
  await bob.page.getByTestId("event").filter({ hasText: title }).getByRole("button", { name: "Edit" }).click();
  const editForm = bob.page.getByRole("form", { name: "Edit event" });
  await expect(editForm.getByRole("combobox", { name: "Place" })).toHaveValue("Kyiv");
  await expect(editForm.getByTestId("chosen-place")).toContainText("50.45° N, 30.52° E");

  await alice.context.close();
  await bob.context.close();
});
