// The JSON API under /api (besides better-auth's /api/auth): thin handlers, one domain service each.
// The contract is documented in docs/http-api.md.

import { Readable } from "node:stream";
import { LIMITS } from "@/lib/schemas/common";
import { OBSERVATION_CSV_LIMITS } from "@/lib/schemas/observation-csv";
import { WEB_ANNOTATION_CONTENT_TYPE } from "@/lib/schemas/web-annotation";
import { listActivity } from "../activity/list-activity";
import type { Actor } from "../actor";
import { listAnnotations } from "../annotations/list-annotations";
import type { Auth } from "../auth/create-auth";
import { boardIdOfSlug } from "../boards/access";
import { createBoard } from "../boards/create-board";
import { deleteBoard } from "../boards/delete-board";
import { getBoard } from "../boards/get-board";
import { listBoards } from "../boards/list-boards";
import { updateBoard } from "../boards/update-board";
import { exportAnnotationsCsv } from "../csv/export-annotations-csv";
import { exportEventsCsv } from "../csv/export-events-csv";
import { exportObservationsCsv } from "../csv/export-observations-csv";
import { importObservationsCsv } from "../csv/import-observations-csv";
import { uploadSourceVersion } from "../documents/upload-source-version";
import type { Domain } from "../domain";
import { readBoardAsOf, snapshotAsOfText } from "../history/read-board-as-of";
import { exportBriefingPdf } from "../exports/briefing-pdf";
import { refuseAsOf } from "../exports/charts/export-query";
import { exportChart } from "../exports/chart-image";
import { exportBriefingDeck } from "../exports/deck/export-briefing-deck";
import { exportMap } from "../exports/map/export-map";
import { inviteMember } from "../members/invite-member";
import { listMembers } from "../members/list-members";
import { removeMember } from "../members/remove-member";
import { revokeInvitation } from "../members/revoke-invitation";
import { updateMember } from "../members/update-member";
import { listMentions } from "../mentions/list-mentions";
import { markMentionsRead } from "../mentions/mark-mentions-read";
import { searchBoard } from "../search/search-board";
import { listInbox } from "../shift/list-inbox";
import { readChanges } from "../shift/read-changes";
import { signUpInvited } from "../users/sign-up-invited";
import { exportAnnotationJsonLd } from "../w3c/export-annotation-jsonld";
import { exportAnnotationsJsonLd } from "../w3c/export-annotations-jsonld";
import { importAnnotationsJsonLd } from "../w3c/import-annotations-jsonld";

export type ApiContext = {
  domain: Domain;
  auth: Auth;
  actor: Actor;
  params: string[];
  /** The URL's query, one value per name. */
  query: Record<string, string>;
  /** The app's public origin, for absolute IRIs in exports. */
  publicUrl: string;
  body: unknown;
  headers: Headers;
};
export type PublicApiContext = Omit<ApiContext, "actor">;

/** A handler's answer: a JSON body (200), or a full Response (status, headers such as cookies). */
export type ApiAnswer = unknown;

/** How a route reads its body: JSON (default), raw text (CSV) or bytes (a document), and how much of it. */
export type BodyRule = { kind?: "json" | "text" | "bytes"; maxBytes?: number };

export type ApiRoute =
  | {
      method: Method;
      pattern: RegExp;
      body?: BodyRule;
      public?: false;
      handle: (context: ApiContext) => Promise<ApiAnswer>;
    }
  | {
      method: Method;
      pattern: RegExp;
      body?: BodyRule;
      public: true;
      handle: (context: PublicApiContext) => Promise<ApiAnswer>;
    };

type Method = "GET" | "POST" | "PATCH" | "DELETE";

const SLUG = "([a-z0-9][a-z0-9-]{0,99})";
const BOARD = `^/api/boards/${SLUG}`;
const param = (params: string[], index: number) => decodeURIComponent(params[index] ?? "");

export const created = (body: unknown): Response => Response.json(body, { status: 201 });

/** An export as a download: its type, and a file name for the browser's save dialog. */
export const download = (file: { contentType: string; body: Buffer | string | Readable; filename: string }): Response =>
  new Response(responseBody(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });

function responseBody(body: Buffer | string | Readable): BodyInit {
  if (typeof body === "string") return body;
  // A view of the same memory: `new Uint8Array(buffer)` would copy a PDF or PNG on the event loop.
  if (Buffer.isBuffer(body)) return new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  return Readable.toWeb(body) as ReadableStream<Uint8Array>;
}

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
    pattern: new RegExp(`${BOARD}/snapshot$`),
    handle: async ({ domain, actor, params, query }) =>
      new Response(
        snapshotAsOfText(
          await readBoardAsOf({
            domain,
            actor,
            boardId: await boardIdOfSlug(domain.db, param(params, 0)),
            asOf: query.asOf,
          }),
        ),
        { headers: { "content-type": "application/json; charset=utf-8" } },
      ),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/annotations$`),
    handle: ({ domain, actor, params }) => listAnnotations({ db: domain.db, actor, slug: param(params, 0) }),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/search$`),
    handle: async ({ domain, actor, params, query }) =>
      searchBoard({
        db: domain.db,
        actor,
        input: {
          boardId: await boardIdOfSlug(domain.db, param(params, 0)),
          query: query.q ?? "",
          ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
        },
      }),
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
    pattern: new RegExp(`${BOARD}/export/chart\\.(svg|png)$`),
    handle: async ({ domain, actor, params, query }) =>
      download(
        await exportChart({
          db: domain.db,
          workers: domain.workers,
          actor,
          slug: param(params, 0),
          query,
          format: param(params, 1) as "svg" | "png",
        }),
      ),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/export/map\\.(svg|png)$`),
    handle: async ({ domain, actor, params, query }) =>
      download(
        await exportMap({
          db: domain.db,
          workers: domain.workers,
          actor,
          slug: param(params, 0),
          query,
          format: param(params, 1) as "svg" | "png",
        }),
      ),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/export/briefing\\.pdf$`),
    handle: async ({ domain, actor, params, query }) =>
      download(
        await exportBriefingPdf({ db: domain.db, workers: domain.workers, actor, slug: param(params, 0), query }),
      ),
  },
  {
    method: "GET",
    pattern: new RegExp(`${BOARD}/export/briefing\\.pptx$`),
    handle: async ({ domain, actor, params, query }) =>
      download(
        await exportBriefingDeck({ db: domain.db, workers: domain.workers, actor, slug: param(params, 0), query }),
      ),
  },
  ...csvRoutes(),
  ...webAnnotationRoutes(),
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
    method: "GET",
    pattern: new RegExp(`${BOARD}/changes$`),
    handle: ({ domain, actor, params, query }) =>
      readChanges({ db: domain.db, actor, slug: param(params, 0), since: query.since }),
  },
  {
    method: "GET",
    pattern: /^\/api\/inbox$/,
    handle: ({ domain, actor }) => listInbox({ db: domain.db, actor }),
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

/** CSV downloads of the board's data, and the bulk import of figures. */
function csvRoutes(): ApiRoute[] {
  const exports = {
    observations: exportObservationsCsv,
    events: exportEventsCsv,
    annotations: exportAnnotationsCsv,
  } as const;
  return [
    ...Object.entries(exports).map(
      ([name, exportCsv]): ApiRoute => ({
        method: "GET",
        pattern: new RegExp(`${BOARD}/export/${name}\\.csv$`),
        handle: async ({ domain, actor, params, query }) => {
          refuseAsOf(query, `${name}.csv`);
          return download(await exportCsv({ db: domain.db, workers: domain.workers, actor, slug: param(params, 0) }));
        },
      }),
    ),
    {
      method: "POST",
      pattern: new RegExp(`${BOARD}/sources/([0-9a-f-]{36})/versions$`),
      body: { kind: "bytes", maxBytes: LIMITS.documentUploadBytes },
      handle: async ({ domain, actor, params, query, headers, body }) =>
        created(
          await uploadSourceVersion({
            domain,
            actor,
            slug: param(params, 0),
            sourceId: param(params, 1),
            basedOnVersion: query.basedOnVersion,
            file: { bytes: body as Uint8Array, contentType: headers.get("content-type") ?? "" },
          }),
        ),
    },
    {
      method: "POST",
      pattern: new RegExp(`${BOARD}/import/observations\\.csv$`),
      body: { kind: "text", maxBytes: OBSERVATION_CSV_LIMITS.bytes },
      handle: async ({ domain, actor, params, body }) =>
        created(await importObservationsCsv({ domain, actor, slug: param(params, 0), csv: body as string })),
    },
  ];
}

/** W3C Web Annotation JSON-LD: the board's annotations, one annotation, and the import of the same. */
function webAnnotationRoutes(): ApiRoute[] {
  const jsonLd = (document: unknown) =>
    new Response(JSON.stringify(document, null, 2), { headers: { "content-type": WEB_ANNOTATION_CONTENT_TYPE } });
  return [
    {
      method: "GET",
      pattern: new RegExp(`${BOARD}/export/annotations\\.jsonld$`),
      handle: async ({ domain, actor, params, query, publicUrl }) => {
        // Today's annotations only, like the CSVs: an asOf is refused rather than ignored.
        refuseAsOf(query, "annotations.jsonld");
        return download(
          await exportAnnotationsJsonLd({
            db: domain.db,
            workers: domain.workers,
            actor,
            slug: param(params, 0),
            baseUrl: publicUrl,
          }),
        );
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`${BOARD}/annotations/([0-9a-f-]{36})\\.jsonld$`),
      handle: async ({ domain, actor, params, publicUrl }) =>
        jsonLd(
          await exportAnnotationJsonLd({
            db: domain.db,
            actor,
            slug: param(params, 0),
            baseUrl: publicUrl,
            id: param(params, 1),
          }),
        ),
    },
    {
      method: "POST",
      pattern: new RegExp(`${BOARD}/import/annotations\\.jsonld$`),
      body: { maxBytes: 16 * 1024 * 1024 },
      handle: async ({ domain, actor, params, body }) =>
        created(await importAnnotationsJsonLd({ domain, actor, slug: param(params, 0), input: body })),
    },
  ];
}
