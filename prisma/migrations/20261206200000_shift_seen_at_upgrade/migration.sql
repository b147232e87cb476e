-- The shift (issue 19): an analyst who was already on a board when last seen came in has read it up to
-- then. Left at 0, the first handover after the upgrade named the board's whole history as news and the
-- inbox counted every thread as unread. Memberships made later start from 0 (the column's default).
UPDATE "Membership" m
SET "lastSeenSeq" = b."lastSeq"
FROM "Board" b
WHERE b.id = m."boardId" AND m."lastSeenSeq" = 0 AND m."lastSeenAt" IS NULL;
