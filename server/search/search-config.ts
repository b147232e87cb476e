// The text search configuration every search query uses: the one the migration built the indexed
// vectors with (prisma/migrations/20261206120000_board_search), or the index would not serve the query.
// 'russian' stems Latin-script words as English and Cyrillic words as Russian.
import { Prisma } from "../db/generated/client";

export const SEARCH_CONFIG = Prisma.sql`'pg_catalog.russian'::regconfig`;

/** ts_headline's options: the match markers of marked-snippet.ts instead of HTML tags. */
export const MARKERS = Prisma.sql`'StartSel=' || chr(1) || ', StopSel=' || chr(2)`;

/** The text without the marker characters, one space for each so positions stay where they were. */
export const withoutMarkers = (column: Prisma.Sql) => Prisma.sql`translate(${column}, chr(1) || chr(2), '  ')`;
