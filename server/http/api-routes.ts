// The JSON API under /api (besides better-auth's /api/auth): thin handlers, one domain service each.
// The contract is documented in docs/http-api.md.

import { listActivity } from "../activity/list-activity";
import type { Actor } from "../actor";
import { listAnnotations } from "../annotations/list-annotations";
import type { Auth } from "../auth/create-auth";
import { createBoard } from "../boards/create-board";
import { deleteBoard } from "../boards/delete-board";
import { getBoard } from "../boards/get-board";
import { listBoards } from "../boards/list-boards";
import { updateBoard } from "../boards/update-board";
import type { Domain } from "../domain";
import { inviteMember } from "../members/invite-member";
import { listMembers } from "../members/list-members";
import { removeMember } from "../members/remove-member";
import { revokeInvitation } from "../members/revoke-invitation";
import { updateMember } from "../members/update-member";
import { listMentions } from "../mentions/list-mentions";
import { markMentionsRead } from "../mentions/mark-mentions-read";
import { signUpInvited } from "../users/sign-up-invited";

export type ApiContext = {
  domain: Domain;
  auth: Auth;
  actor: Actor;
  params: string[];
  body: unknown;
  headers: Headers;
};
export type PublicApiContext = Omit<ApiContext, "actor">;

/** A handler's answer: a JSON body (200), or a full Response (status, headers such as cookies). */
export type ApiAnswer = unknown;

/** How a route reads its body: JSON (default) or raw text (CSV), and how much of it. */
export type BodyRule = { kind?: "json" | "text"; maxBytes?: number };

export type ApiRoute =
  | { method: Method; pattern: RegExp; body?: BodyRule; public?: false; handle: (context: ApiContext) => Promise<ApiAnswer> }
  | { method: Method; pattern: RegExp; body?: BodyRule; public: true; handle: (context: PublicApiContext) => Promise<ApiAnswer> };

type Method = "GET" | "POST" | "PATCH" | "DELETE";

const SLUG = "([a-z0-9][a-z0-9-]{0,99})";
const BOARD = `^/api/boards/${SLUG}`;
const param = (params: string[], index: number) => decodeURIComponent(params[index] ?? "");

export const created = (body: unknown): Response => Response.json(body, { status: 201 });

export const API_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: /^\/api\/boards$/,
    handle: async ({ domain, actor }) => ({ boards: await listBoards({ db: domain.db, actor }) }),
  },
  {
    method: "POST",
    pattern: /^\/api\/boards$/,
    handle: async ({ domain, actor, body }) => created(await createBoard({ domain, actor, input: body })),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}$`),
    handle: async ({ domain, actor, params }) => ({
      board: await getBoard({ db: domain.db, actor, slug: param(params, 0) }),
    }),
  },
  {
    method: "PATCH",
    pattern: new RegExp(`${BOARD}$`),
    handle: async ({ domain, actor, params, body }) => ({
      board: await updateBoard({ domain, actor, slug: param(params, 0), input: body }),
    }),
  },
  {
    method: "DELETE",
    pattern: new RegExp(`${BOARD}$`),
    handle: ({ domain, actor, params }) => deleteBoard({ domain, actor, slug: param(params, 0) }),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/annotations$`),
    handle: ({ domain, actor, params }) => listAnnotations({ db: domain.db, actor, slug: param(params, 0) }),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/members$`),
    handle: ({ domain, actor, params }) => listMembers({ db: domain.db, actor, slug: param(params, 0) }),
  },
  {
    method: "POST",
    pattern: new RegExp(`${BOARD}/members$`),
    handle: async ({ domain, actor, params, body }) =>
      created(await inviteMember({ domain, actor, slug: param(params, 0), input: body })),
  },
  {
    method: "PATCH",
    pattern: new RegExp(`${BOARD}/members/([^/]{1,100})$`),
    handle: async ({ domain, actor, params, body }) => ({
      member: await updateMember({ domain, actor, slug: param(params, 0), userId: param(params, 1), input: body }),
    }),
  },
  {
    method: "DELETE",
    pattern: new RegExp(`${BOARD}/members/([^/]{1,100})$`),
    handle: ({ domain, actor, params }) =>
      removeMember({ domain, actor, slug: param(params, 0), userId: param(params, 1) }),
  },
  {
    method: "DELETE",
    pattern: new RegExp(`${BOARD}/invitations/([^/]{1,300})$`),
    handle: ({ domain, actor, params }) =>
      revokeInvitation({ domain, actor, slug: param(params, 0), email: param(params, 1) }),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/mentions$`),
    handle: ({ domain, actor, params }) => listMentions({ db: domain.db, actor, slug: param(params, 0) }),
  },
  {
    method: "POST",
    pattern: new RegExp(`${BOARD}/mentions/read$`),
    handle: ({ domain, actor, params, body }) =>
      markMentionsRead({ db: domain.db, actor, slug: param(params, 0), input: body }),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/activity$`),
    handle: ({ domain, actor, params }) => listActivity({ db: domain.db, actor, slug: param(params, 0) }),
  },
  {
    method: "POST",
    pattern: /^\/api\/sign-up$/,
    public: true,
    handle: async ({ domain, auth, body, headers }) => {
      const user = await signUpInvited({ domain, auth, input: body });
      const { password } = body as { password: string };
      // Signed in straight away: better-auth answers with the session cookie.
      const signedIn = await auth.api.signInEmail({ body: { email: user.email, password }, headers, asResponse: true });
      const reply = new Headers({ "content-type": "application/json" });
      for (const cookie of signedIn.headers.getSetCookie()) reply.append("set-cookie", cookie);
      return new Response(JSON.stringify({ user }), { status: 201, headers: reply });
    },
  },
];
