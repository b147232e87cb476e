// The search box in the board's header (issue 14): typing finds a note by another form of its word, the
// snippet marks the match as text, and choosing the result brings its thread into view with the focus.
import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

test("typing in the search box finds a colleague's note, and choosing it opens the thread", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const body = `Pontoons staged near Zhytomyr <i>${Date.now()}</i>, ready for a crossing.`;
  await alice.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(body);
  await alice.page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(bob.page.getByTestId("annotation").filter({ hasText: "Pontoons staged near Zhytomyr" })).toBeVisible();

  await bob.page.getByRole("searchbox", { name: "Search this board" }).fill("pontoon zhytomyr");
  const notes = bob.page.getByRole("region", { name: "Search results" }).getByRole("region", { name: "Notes found" });
  const result = notes.getByRole("button").filter({ hasText: "Pontoons staged near Zhytomyr" });
  await expect(result).toBeVisible();
  await expect(result.locator("mark")).toHaveText(["Pontoons", "Zhytomyr"]);
  // The body's markup is shown as the characters it is.
  await expect(result).toContainText("<i>");
  await expect(result.locator("i")).toHaveCount(0);

  await result.click();
  const thread = bob.page.locator("li.thread:focus");
  await expect(thread).toBeVisible();
  await expect(thread).toContainText("Pontoons staged near Zhytomyr");
  await alice.context.close();
  await bob.context.close();
});
