// Mentions that find people and saved views, in Chromium (issue 19). The demo board is shared with the
// other specs: every note and view here carries a unique text, and nothing counts the board's whole lists.
import { expect, test } from "@playwright/test";
import { DEMO_BOARD, signedInPage } from "./support";

const SHOTS = "/tmp/helper-e";

test("a reply names Bob through the @-suggestions, and Bob finds it in his 'for you' list", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const stamp = Date.now();
  const note = `Fuel convoy near Yelnya ${stamp}`;

  // In the note composer: a bare @ lists the others (not Alice herself); the arrows move, Escape closes.
  const composer = alice.page.getByRole("textbox", { name: "Annotation", exact: true });
  await composer.fill(`${note}, `);
  await composer.pressSequentially("@");
  const people = alice.page.getByRole("listbox", { name: "People on this board" });
  await expect(people.getByRole("option")).toHaveText([/Bob Okafor\s*bob@watchfloor.test/, /Carol Lindqvist/]);
  const combobox = alice.page.getByRole("combobox", { name: "Annotation", exact: true });
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  await alice.page.keyboard.press("ArrowDown");
  await expect(people.getByRole("option", { selected: true })).toContainText("Carol Lindqvist");
  await expect(combobox).toHaveAttribute(
    "aria-activedescendant",
    (await people.getByRole("option", { selected: true }).getAttribute("id")) ?? "",
  );
  await alice.page.keyboard.press("ArrowUp");
  await expect(people.getByRole("option", { selected: true })).toContainText("Bob Okafor");
  await alice.page.keyboard.press("Escape");
  await expect(people).toHaveCount(0);
  await expect(composer).toHaveValue(`${note}, @`);
  await composer.fill(note);
  await alice.page.getByRole("button", { name: "Add", exact: true }).click();

  // In a reply: "@bo" finds Bob; Enter picks him (and does not send), Enter with the list closed sends.
  const thread = alice.page.getByTestId("thread").filter({ hasText: note });
  const reply = thread.getByRole("textbox", { name: "Reply" });
  await reply.pressSequentially("Can @bo");
  await expect(people.getByRole("option")).toHaveText([/Bob Okafor/]);
  await people.screenshot({ path: `${SHOTS}/mention-suggestions.png` });
  await alice.page.screenshot({ path: `${SHOTS}/mention-suggestions-page.png` });
  await alice.page.keyboard.press("Enter");
  await expect(people).toHaveCount(0);
  await expect(reply).toHaveValue("Can @Bob Okafor ");
  await reply.pressSequentially(`confirm the count? ${stamp}`);
  await alice.page.keyboard.press("Enter");
  const sent = `Can @Bob Okafor confirm the count? ${stamp}`;
  await expect(thread.getByTestId("annotation").filter({ hasText: sent })).toBeVisible();

  // In an edit too: Tab picks as Enter does.
  const own = thread.getByTestId("annotation").filter({ hasText: note }).first();
  await own.getByRole("button", { name: "Edit" }).click();
  const edit = own.getByRole("textbox", { name: "Edit annotation" });
  await edit.press("End");
  await edit.pressSequentially(" cc @car");
  await expect(people.getByRole("option")).toHaveText([/Carol Lindqvist\s*carol@watchfloor.test/]);
  await alice.page.keyboard.press("Tab");
  await expect(edit).toHaveValue(`${note} cc @Carol Lindqvist `);
  await expect(edit).toBeFocused();
  await own.getByRole("button", { name: "Cancel" }).click();

  // The server recognized the mention: the reply names Bob, and it is in Bob's "for you" list.
  const answer = await bob.page.request.get(`/api/boards/${DEMO_BOARD.split("/").at(-1)}/mentions`);
  const { mentions } = (await answer.json()) as {
    mentions: { annotation: { body: string; mentions: { name: string }[] } }[];
  };
  expect(mentions.find((mention) => mention.annotation.body === sent)?.annotation.mentions).toEqual([
    expect.objectContaining({ name: "Bob Okafor" }),
  ]);
  await bob.page.getByTestId("for-you").click();
  await expect(bob.page.getByRole("region", { name: "Mentions of you" })).toContainText(sent);
  await alice.context.close();
  await bob.context.close();
});

test("a saved view comes back from its link, and a colleague's menu shows it live", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const name = `Open assessments, last week ${Date.now()}`;

  // Alice narrows the threads and the time range, then saves that as a view.
  const filters = alice.page.getByTestId("annotation-filters");
  await filters.getByLabel("Status").selectOption("open");
  await filters.getByRole("button", { name: "assessment", exact: true }).click();
  await alice.page.getByRole("button", { name: "Last 7 days" }).click();
  await expect(alice.page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");
  await alice.page.getByTestId("views-button").click();
  await alice.page.getByRole("button", { name: "Save current view…" }).click();
  const form = alice.page.getByRole("form", { name: "Save the current view" });
  await expect(form.getByLabel("View name")).toBeFocused();
  await alice.page.keyboard.type(name);
  await expect(form).toContainText("kind: assessment · status: open");
  await alice.page.keyboard.press("Enter");
  await expect(alice.page.getByTestId("views-button")).toHaveText(`View: ${name}`);
  await expect(alice.page.getByTestId("views-button")).toBeFocused();
  const viewId = new URL(alice.page.url()).searchParams.get("view");
  expect(viewId).toMatch(/^[0-9a-f-]{36}$/);

  // Bob's page, open since before the save, lists it.
  await bob.page.getByTestId("views-button").click();
  const bobMenu = bob.page.getByRole("region", { name: "Saved views" });
  await expect(bobMenu.getByRole("button", { name: new RegExp(`^${name}`) })).toBeVisible();
  await bobMenu.screenshot({ path: `${SHOTS}/views-menu.png` });
  await bob.page.screenshot({ path: `${SHOTS}/views-menu-page.png` });

  // A fresh page from the link alone: the filter and the range come back.
  await alice.page.goto(`${DEMO_BOARD}?view=${viewId}`);
  await expect(alice.page.getByTestId("connection")).toHaveText("Live");
  await expect(alice.page.getByTestId("views-button")).toHaveText(`View: ${name}`);
  await expect(alice.page.getByTestId("annotation-filters").getByLabel("Status")).toHaveValue("open");
  await expect(
    alice.page.getByTestId("annotation-filters").getByRole("button", { name: "assessment", exact: true }),
  ).toHaveAttribute("aria-pressed", "true");
  await expect(alice.page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");
  const url = new URL(alice.page.url());
  expect([url.searchParams.get("status"), url.searchParams.getAll("kind"), url.searchParams.get("view")]).toEqual([
    "open",
    ["assessment"],
    viewId,
  ]);

  // Deleting it (an editor may) takes it out of Bob's menu too.
  await alice.page.getByTestId("views-button").click();
  await alice.page.getByRole("button", { name: `Delete the view ${name}` }).click();
  await expect(bobMenu.getByRole("button", { name: new RegExp(`^${name}`) })).toHaveCount(0);
  await alice.context.close();
  await bob.context.close();
});
