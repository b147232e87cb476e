// The briefing deck's dialog (issue 16), by keyboard: Export → "Briefing deck (PowerPoint)…" opens a modal
// dialog with the focus inside; Escape closes it and gives the focus back; an unticked assessment stays
// out of the deck that downloads. The dialog lists the assessments from the board the page holds: opening
// it asks the server for no annotations.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { signedInPage } from "./support";

test("the deck dialog works by keyboard, and an unticked assessment stays out of the download", async ({ browser }) => {
  // The first deck after a start loads jsdom, the map's shapes and pptxgenjs into a worker.
  test.setTimeout(180_000);
  const { page, context } = await signedInPage(browser, "alice@watchfloor.test");
  const annotationReads: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/boards\/[^/]+\/annotations(?:$|\?)/.test(new URL(request.url()).pathname)) {
      annotationReads.push(request.url());
    }
  });
  const opener = page.getByRole("button", { name: "Briefing deck (PowerPoint)…" });
  const dialog = page.getByRole("dialog", { name: "Briefing deck (PowerPoint)" });

  await page.getByText("Export", { exact: true }).click();
  await opener.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const indicators = dialog.getByRole("group", { name: "Indicators, one slide each" }).getByRole("checkbox");
  await expect(indicators).toHaveCount(4);
  for (const box of await indicators.all()) await expect(box).toBeChecked();
  const assessments = dialog.getByRole("group", { name: "Key assessments" }).getByRole("checkbox");
  await expect(assessments.first()).toBeVisible();
  // The list is shown, so any read of it has been sent by now.
  expect(annotationReads).toEqual([]);
  for (const box of await assessments.all()) await expect(box).toBeChecked();
  const left = assessments.first();
  const bodyStart = async (index: number) =>
    ((await assessments.nth(index).locator("xpath=..").getByTestId("deck-assessment-body").textContent()) ?? "").slice(
      0,
      40,
    );
  const leftOut = await bodyStart(0);
  const kept = await bodyStart(1);
  await left.focus();
  await page.keyboard.press("Space");
  await expect(left).not.toBeChecked();

  const download = page.waitForEvent("download", { timeout: 120_000 });
  await dialog.getByRole("button", { name: "Download deck" }).focus();
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^russia-ukraine-2022-01-briefing-\d{8}T\d{4}Z\.pptx$/);
  await expect(dialog).toBeHidden();

  const zip = await JSZip.loadAsync(await readFile(await file.path()));
  const slides = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .map((name) => zip.file(name)?.async("string") ?? ""),
  );
  const assessmentSlides = slides
    .filter((xml) => xml.includes("Key assessments"))
    .join(" ")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
  expect(assessmentSlides).toContain(kept);
  expect(leftOut.length).toBe(40);
  expect(assessmentSlides).not.toContain(leftOut);
  await context.close();
});
