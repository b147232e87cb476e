// Presence on the wire: what an analyst is looking at and where they are typing. Never stored.
import { z } from "zod";
import { ZUuid } from "./common";

export const ZPresenceUpdate = z.strictObject({
  boardId: ZUuid,
  /** What they look at; "source" is a document they are reading (issue 14). */
  focus: z.strictObject({ type: z.enum(["event", "indicator", "thread", "source"]), id: ZUuid }).nullable(),
  /** The thread (its top annotation's id) the analyst is typing a reply in. */
  typingIn: ZUuid.nullable(),
});
export type TPresenceUpdate = z.infer<typeof ZPresenceUpdate>;
export type TPresenceUpdateInput = z.input<typeof ZPresenceUpdate>;
