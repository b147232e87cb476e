// Two analysts in two browsers on the demo board: Alice annotates, Bob sees it live; after a reload
// both still see it.
import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

test("an annotation Alice adds appears for Bob without reloading, and stays after a reload", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  await expect(alice.page.getByTestId("presence").getByText("Bob Okafor")).toBeAttached();

  const body = `Geneva readout due at 1800Z — ${Date.now()}`;
  await alice.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(body);
  await alice.page.getByRole("button", { name: "Add", exact: true }).click();

  await expect(alice.page.getByTestId("annotation").filter({ hasText: body })).toBeVisible();
  await expect(bob.page.getByTestId("annotation").filter({ hasText: body })).toBeVisible();

  await alice.page.reload();
  await bob.page.reload();
  await expect(alice.page.getByTestId("annotation").filter({ hasText: body })).toBeVisible();
  await expect(bob.page.getByTestId("annotation").filter({ hasText: body })).toBeVisible();

  await alice.context.close();
  await bob.context.close();
});

test("clicking an indicator's chart annotates it at that point in time", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const chart = bob.page.getByTestId("indicator-chart").first();
  const box = await chart.locator(".recharts-surface").boundingBox();
  if (!box) throw new Error("the chart did not render");
  await bob.page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect(bob.page.getByTestId("composer-target")).toContainText("Russian troops near Ukraine's border at 20");

  const body = `Plateau holds — ${Date.now()}`;
  await bob.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(body);
  await bob.page.getByRole("button", { name: "Add", exact: true }).click();
  const added = bob.page.getByTestId("annotation").filter({ hasText: body });
  await expect(added).toContainText("on Russian troops near Ukraine's border at 20");
  await bob.context.close();
});

test("a viewer reads the board but cannot annotate", async ({ browser }) => {
  const carol = await signedInPage(browser, "carol@watchfloor.test");
  await expect(carol.page.getByTestId("event").first()).toBeVisible();
  await expect(carol.page.getByText("You can read this board but not annotate it.")).toBeVisible();
  await carol.context.close();
});

test("a point can be picked without a mouse, from the chart's list", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const picker = bob.page.getByLabel("Annotate a point of CSTO troops in Kazakhstan");
  await picker.focus();
  const option = picker.locator("option").filter({ hasText: "2022-01-08" }).first();
  await picker.selectOption({ label: (await option.textContent()) ?? "" });
  await expect(bob.page.getByTestId("composer-target")).toHaveText(
    /CSTO troops in Kazakhstan at 2022-01-08 \d\d:\d\dZ/,
  );
  await bob.context.close();
});
