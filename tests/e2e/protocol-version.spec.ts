// A board page built for another version of the live protocol (issue 13): the server refuses its
// handshake, and the page says to reload instead of trying to connect again and again.
import { expect, test } from "@playwright/test";
import { DEFAULT_RETRY_HINT_MS } from "../../components/board/retry-delay";
import { PROTOCOL_VERSION } from "../../lib/protocol";
import { signedInPage } from "./support";

test("a page that speaks an older protocol is told to reload, and stops connecting", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "alice@watchfloor.test");
  // The handshake travels in a polling POST (Socket.IO's CONNECT packet with its auth): from now on this
  // page announces another version, as a tab opened before an update would.
  let handshakes = 0;
  await page.route("**/socket.io/**", async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body?.includes('"protocolVersion":')) return route.continue();
    handshakes++;
    await route.continue({
      postData: body.replace(/"protocolVersion":\d+/, `"protocolVersion":${PROTOCOL_VERSION - 1}`),
    });
  });
  await page.reload();

  await expect(page.getByRole("alert").filter({ hasText: "reload the page" })).toBeVisible();
  await expect(page.getByTestId("connection")).toHaveText("Not connected");
  expect(handshakes).toBe(1);
  // Any other refusal is tried again after DEFAULT_RETRY_HINT_MS, then longer: twice that sees none.
  await page.waitForTimeout(2 * DEFAULT_RETRY_HINT_MS + 500);
  expect(handshakes).toBe(1);
  await expect(page.getByTestId("connection")).toHaveText("Not connected");
  await context.close();
});
