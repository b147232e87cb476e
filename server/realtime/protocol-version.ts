// The handshake's protocol check: a page built for another version of the live protocol (lib/protocol.ts)
// would misread ops and answers, so it is refused before it joins anything, with a message that says what
// fixes it. A client that sends no version predates the check (a tab left open across the update) and is
// refused the same way: it is exactly the page that must reload.
import { PROTOCOL_VERSION } from "@/lib/protocol";
import { AppError } from "../errors";

export const PROTOCOL_MISMATCH_MESSAGE = "Watchfloor has been updated since this page was opened; reload the page.";

export function checkProtocolVersion(auth: unknown): void {
  const sent =
    typeof auth === "object" && auth !== null ? (auth as { protocolVersion?: unknown }).protocolVersion : undefined;
  if (sent !== PROTOCOL_VERSION) throw new AppError("PROTOCOL_MISMATCH", PROTOCOL_MISMATCH_MESSAGE);
}
