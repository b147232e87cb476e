// Working a thread in the browser: reply, resolve, find it again with a shareable filter; and an edit
// that collides with a newer one is shown with both versions instead of being lost.
import { expect, test } from "@playwright/test";
import { DEMO_BOARD, signedInPage } from "./support";

test("a question is answered, resolved, and found again through a filter in the URL", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const question = `Is the Vienna agenda out? ${Date.now()}`;
  await alice.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(question);
  await alice.page.getByLabel("Kind").selectOption("question");
  await alice.page.getByRole("button", { name: "Add", exact: true }).click();

  const thread = bob.page.getByTestId("thread").filter({ hasText: question });
  await thread.getByRole("textbox", { name: "Reply" }).fill("Yes — European security, all 57 states.");
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(alice.page.getByTestId("thread").filter({ hasText: question })).toContainText("all 57 states");
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(alice.page.getByTestId("thread").filter({ hasText: question }).getByTestId("resolved")).toContainText(
    "Bob Okafor",
  );

  await alice.page.goto(`${DEMO_BOARD}?status=resolved&kind=question`);
  await expect(alice.page.getByTestId("thread")).toHaveCount(1);
  await expect(alice.page.getByTestId("thread")).toContainText(question);
  await alice.context.close();
  await bob.context.close();
});

test("an edit based on an old version shows the newer one, and the analyst chooses", async ({ browser }) => {
  const first = await signedInPage(browser, "bob@watchfloor.test");
  const second = await first.context.newPage();
  await second.goto(DEMO_BOARD);
  const note = `Draft assessment ${Date.now()}`;
  await first.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(note);
  await first.page.getByRole("button", { name: "Add", exact: true }).click();

  const inFirst = first.page.getByTestId("annotation").filter({ hasText: note });
  const inSecond = second.getByTestId("annotation").filter({ hasText: note });
  await inFirst.getByRole("button", { name: "Edit" }).click();
  await inSecond.getByRole("button", { name: "Edit" }).click();
  await inFirst.getByRole("textbox", { name: "Edit annotation" }).fill(`${note} — tab one`);
  await inFirst.getByRole("button", { name: "Save" }).click();
  await inSecond.getByRole("textbox", { name: "Edit annotation" }).fill(`${note} — tab two`);
  await inSecond.getByRole("button", { name: "Save" }).click();

  const conflict = second.getByRole("alert").filter({ hasText: "changed while you were editing" });
  await expect(conflict).toContainText(`${note} — tab one`);
  await conflict.getByRole("button", { name: "Save mine over it" }).click();
  await expect(first.page.getByTestId("annotation").filter({ hasText: `${note} — tab two` })).toBeVisible();
  await first.page
    .getByTestId("annotation")
    .filter({ hasText: `${note} — tab two` })
    .getByRole("button", { name: "History" })
    .click();
  await expect(first.page.getByRole("list", { name: "Edit history" }).getByRole("listitem")).toHaveCount(3);
  await first.context.close();
});
