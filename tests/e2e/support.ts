// Shared steps of the browser tests: sign in as a demo analyst and open the demo board.
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/events";
import { openSocket } from "../../bench/support/open-socket";

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

/** The analyst's own live connection (the page's session cookie), to change the board as their client would. */
export async function socketOf(page: Page): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const cookies = await page.context().cookies();
  const cookie = cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
  return (await openSocket(new URL(page.url()).origin, cookie)) as Socket<ServerToClientEvents, ClientToServerEvents>;
}

/** The demo board's id, from the signed-in analyst's board list. */
export async function demoBoardId(page: Page): Promise<string> {
  const response = await page.request.get("/api/boards");
  const { boards } = (await response.json()) as { boards: { id: string; slug: string }[] };
  const board = boards.find((candidate) => DEMO_BOARD.endsWith(candidate.slug));
  if (!board) throw new Error("the demo board is not among the analyst's boards");
  return board.id;
}
