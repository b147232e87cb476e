// The socket requests for every kind of board fact, built from the kind table: `<kind>:create`,
// `<kind>:update`, `<kind>:delete`. The edge (server/realtime/create-socket-server.ts) spreads these in,
// with the actor from the socket's handshake.
import { CONTENT_KINDS, type ContentKindName } from "@/lib/content/content-kinds";
import type { ClientToServerEvents } from "@/lib/events";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { type ContentAnswer, createContent, deleteContent, updateContent } from "./content-services";
import { CREATE_FOLLOW_UPS, type CreateExtra } from "./create-follow-ups";

type Results = { [K in ContentKindName as `${K}:create`]: ContentAnswer<K> & CreateExtra<K> } & {
  [K in ContentKindName as `${K}:update`]: ContentAnswer<K>;
} & { [K in ContentKindName as `${K}:delete`]: { id: string; seq: number } };

export type ContentRequests = { [E in keyof Results]: (actor: Actor, input: unknown) => Promise<Results[E]> };

// A kind's requests must be events the client can send: a kind declared without its entries in
// ClientToServerEvents (lib/events.ts) fails here, naming the missing event.
type MissingFromClientEvents = Exclude<keyof ContentRequests, keyof ClientToServerEvents>;
const everyRequestIsAClientEvent: [MissingFromClientEvents] extends [never] ? true : MissingFromClientEvents = true;
void everyRequestIsAClientEvent;

export function contentRequests(domain: Domain): ContentRequests {
  const kinds = Object.keys(CONTENT_KINDS) as ContentKindName[];
  return Object.fromEntries(
    kinds.flatMap((kind) => {
      const followUp = CREATE_FOLLOW_UPS[kind]?.(domain);
      return [
        [
          `${kind}:create`,
          (actor: Actor, input: unknown) =>
            followUp
              ? createContent(kind, { domain, actor, input }, followUp)
              : createContent(kind, { domain, actor, input }),
        ],
        [`${kind}:update`, (actor: Actor, input: unknown) => updateContent(kind, { domain, actor, input })],
        [`${kind}:delete`, (actor: Actor, input: unknown) => deleteContent(kind, { domain, actor, input })],
      ];
    }),
  ) as ContentRequests;
}
