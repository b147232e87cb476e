// Compile-time checks, run by `tsc --noEmit -p .` (not by vitest): a socket handler must answer what its
// event's ack promises in lib/events.ts (server/realtime/on-request.ts, issue 13). Each expected error
// below fails the typecheck if the wrong answer it marks ever compiles.
import type { RequestHandlers } from "@/server/realtime/on-request";
import type { SerializedJson } from "@/server/realtime/serialized-json";

type Handlers<E extends keyof RequestHandlers> = Pick<RequestHandlers, E>;

export const rightAnswers: Handlers<"annotation:delete" | "board:leave"> = {
  "annotation:delete": async () => ({ id: "a", seq: 1 }),
  "board:leave": async () => ({ boardId: "b" }),
};

export const wrongShape: Handlers<"annotation:delete"> = {
  // @ts-expect-error a delete answers {id, seq}; an annotation-shaped answer is another event's
  "annotation:delete": async () => ({ annotation: null, seq: 1 }),
};

export const wrongType: Handlers<"board:leave"> = {
  // @ts-expect-error boardId is a string on the wire
  "board:leave": async () => ({ boardId: 7 }),
};

export const missingProperty: Handlers<"event:delete"> = {
  // @ts-expect-error the ack promises the op's seq too
  "event:delete": async () => ({ id: "e" }),
};

declare const snapshotText: SerializedJson<never>;
export const joinWithSerializedOps: Handlers<"board:join"> = {
  // @ts-expect-error JSON text stands only for the value it encodes (here: not a snapshot)
  "board:join": async () => ({ boardId: "b", seq: 1, snapshot: snapshotText as SerializedJson<string> }),
};

/** A group of handlers typed as a Pick spreads into the whole table (as the content kinds' will). */
declare const group: Handlers<"event:create" | "event:delete">;
declare const rest: Omit<RequestHandlers, "event:create" | "event:delete">;
export const spread: RequestHandlers = { ...group, ...rest };
