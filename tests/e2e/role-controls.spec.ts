// The UI offers each role only what the server would allow it.
import { expect, test } from "@playwright/test";
import { DEMO_BOARD, signedInPage } from "./support";

test("a viewer is offered no way to write, on the board or on its members page", async ({ browser }) => {
  const carol = await signedInPage(browser, "carol@watchfloor.test");
  await expect(carol.page.getByTestId("annotation").first()).toBeVisible();
  await expect(carol.page.getByRole("textbox", { name: "Annotation", exact: true })).toHaveCount(0);
  await expect(carol.page.getByRole("button", { name: /^(Edit|Delete)$/ })).toHaveCount(0);
  // No way to start an annotation either: no point pickers on the charts, no "Annotate" on events;
  // an event's notes can still be shown.
  await expect(carol.page.getByLabel(/^Annotate a point of /)).toHaveCount(0);
  await expect(carol.page.getByRole("button", { name: /^Annotate/ })).toHaveCount(0);
  await expect(carol.page.getByRole("button", { name: /^\d+ notes$/ }).first()).toBeVisible();

  await carol.page.goto(`${DEMO_BOARD}/members`);
  await expect(carol.page.getByTestId("member-row")).toHaveCount(3);
  await expect(carol.page.getByTestId("member-row").getByRole("combobox")).toHaveCount(0);
  await expect(carol.page.getByTestId("member-row").getByRole("button")).toHaveCount(0);
  await expect(carol.page.getByTestId("invite-form")).toHaveCount(0);
  await expect(carol.page.getByTestId("board-settings")).toHaveCount(0);
  await carol.context.close();
});

test("an editor may edit only their own annotations and delete anyone's", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const own = bob.page.getByTestId("annotation").filter({ hasText: "Bob Okafor" }).first();
  const others = bob.page.getByTestId("annotation").filter({ hasText: "Alice Mercer" }).first();
  await expect(own.getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(own.getByRole("button", { name: "Delete" })).toBeVisible();
  await expect(others.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(others.getByRole("button", { name: "Delete" })).toBeVisible();

  await own.getByRole("button", { name: "Edit" }).click();
  const edited = `Revised at ${Date.now()}`;
  await bob.page.getByRole("textbox", { name: "Edit annotation" }).fill(edited);
  await bob.page.getByRole("button", { name: "Save" }).click();
  await expect(bob.page.getByTestId("annotation").filter({ hasText: edited })).toContainText("edited");
  await bob.context.close();
});
