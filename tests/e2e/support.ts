// Shared steps of the browser tests: sign in as a demo analyst and open the demo board.
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";

export const DEMO_BOARD = "/boards/russia-ukraine-2022-01";
const PASSWORD = "watchfloor-demo";

export async function signedInPage(
  browser: Browser,
  email: string,
  path = DEMO_BOARD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  if (path.startsWith("/boards/") && !path.endsWith("/members"))
    await expect(page.getByTestId("connection")).toHaveText("Live");
  return { context, page };
}
