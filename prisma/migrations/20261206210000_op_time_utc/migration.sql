-- An op's time is UTC, as every other instant Watchfloor stores (timestamp without time zone, written by
-- the application in UTC). clock_timestamp() alone would be cast to the session's time zone: on a server
-- whose time zone is not UTC, "as of" and "what changed" would be off by its offset.
-- AlterTable
ALTER TABLE "Op" ALTER COLUMN "createdAt" SET DEFAULT (clock_timestamp() AT TIME ZONE 'UTC');
