// What a colleague writes is shown as text: markup and script in an annotation stay inert on everyone
// else's screen, and the page's CSP would stop injected script anyway.
import { expect, test } from "@playwright/test";
import { DEMO_BOARD, signedInPage } from "./support";

const HOSTILE = [
  `<img src=x onerror="window.__pwned = 'img'">`,
  `<script>window.__pwned = 'script'</script>`,
  `[brief](javascript:window.__pwned='link')`,
  `<a href="javascript:window.__pwned='anchor'">open</a>`,
].join(" ");

test("markup and script in an annotation reach a colleague as inert text", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const violations: string[] = [];
  bob.page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });

  await alice.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(HOSTILE);
  await alice.page.getByRole("button", { name: "Add", exact: true }).click();

  const shown = bob.page.getByTestId("annotation").filter({ hasText: "window.__pwned = 'img'" });
  await expect(shown).toBeVisible();
  await expect(shown.locator(".annotation-body")).toHaveText(HOSTILE);
  await expect(shown.locator("img, script, a")).toHaveCount(0);
  await bob.page.reload();
  await expect(bob.page.getByTestId("annotation").filter({ hasText: "window.__pwned = 'img'" })).toBeVisible();
  expect(await bob.page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await alice.page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(violations).toEqual([]);
  await alice.context.close();
  await bob.context.close();
});

test("pages carry a CSP without unsafe-eval and the other security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  const board = await request.get(DEMO_BOARD, { maxRedirects: 0 });
  expect(board.status()).toBe(303);
});
