// The JSON API under /api (besides /api/auth): thin handlers over domain services. docs/http-api.md.

import type { Actor } from "../actor";
import { listAnnotations } from "../annotations/list-annotations";
import { getBoard } from "../boards/get-board";
import { listBoards } from "../boards/list-boards";
import type { Database } from "../db/client";

export type ApiContext = { db: Database; actor: Actor; params: string[] };

export type ApiRoute = { method: "GET"; pattern: RegExp; handle: (context: ApiContext) => Promise<unknown> };

const SLUG = "([a-z0-9][a-z0-9-]{0,99})";

export const API_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: /^\/api\/boards$/,
    handle: async ({ db, actor }) => ({ boards: await listBoards({ db, actor }) }),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/api/boards/${SLUG}$`),
    handle: async ({ db, actor, params }) => ({ board: await getBoard({ db, actor, slug: params[0] ?? "" }) }),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/api/boards/${SLUG}/annotations$`),
    handle: ({ db, actor, params }) => listAnnotations({ db, actor, slug: params[0] ?? "" }),
  },
];
