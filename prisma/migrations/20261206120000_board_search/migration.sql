-- Search over a board (issue 14): annotation bodies and document versions' texts as full-text vectors,
-- kept by PostgreSQL itself (generated columns) and indexed with GIN. server/search/ queries them.
--
-- The text search configuration is 'russian' on purpose: its parser sends Latin-script words to the
-- English Snowball stemmer and Cyrillic words to the Russian one, so "troops" finds "troop" and
-- "войска" finds "войск" in the same column. 'english' would leave Cyrillic unstemmed; 'simple' would
-- stem neither. The queries use the same configuration (server/search/search-config.ts).

-- A vector of the whole text, or of as much of its start as fits: a tsvector holds at most 1 MiB, and a
-- document of many distinct tokens (a table of codes, a garbled PDF) can exceed that. Failing there would
-- refuse the document itself, so the search covers its first part instead. Halving always ends: an
-- empty text fits.
CREATE FUNCTION "board_search_vector"(document TEXT) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  covered INTEGER := length(document);
BEGIN
  LOOP
    BEGIN
      RETURN to_tsvector('pg_catalog.russian'::regconfig, left(document, covered));
    EXCEPTION WHEN program_limit_exceeded THEN
      covered := covered / 2;
    END;
  END LOOP;
END
$$;

-- Where the first match of a query is in a document: its index in characters (code points, from 0), or
-- NULL. ts_headline marks the matches exactly as the search found them (stems, phrases), but it parses
-- everything it is given — about a second for 1 MiB — so it reads the document 64 Ki characters at a
-- time and stops at the first window with a match. Windows start at a space (never inside a word, whose
-- tail could match on its own) and reach 4 Ki characters into the next, so a phrase across the boundary
-- is still seen whole. The markers chr(1) and chr(2) are replaced in the text first, one character each
-- so positions stay the same.
CREATE FUNCTION "board_search_first_match"(document TEXT, query tsquery) RETURNS INTEGER
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  window_size CONSTANT INTEGER := 65536;
  window_overlap CONSTANT INTEGER := 4096;
  plain TEXT := translate(document, chr(1) || chr(2), '  ');
  window_start INTEGER := 0;
  space_after INTEGER;
  marked INTEGER;
BEGIN
  WHILE window_start < length(plain) LOOP
    marked := strpos(
      ts_headline('pg_catalog.russian'::regconfig, substr(plain, window_start + 1, window_size + window_overlap),
        query, 'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2)),
      chr(1));
    IF marked > 0 THEN
      RETURN window_start + marked - 1;
    END IF;
    window_start := window_start + window_size;
    space_after := strpos(substr(plain, window_start + 1, 256), ' ');
    IF space_after > 0 THEN
      window_start := window_start + space_after;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "bodySearch" tsvector GENERATED ALWAYS AS (board_search_vector("body")) STORED;

-- AlterTable
ALTER TABLE "SourceVersion" ADD COLUMN "textSearch" tsvector GENERATED ALWAYS AS (board_search_vector("text")) STORED;

-- CreateIndex
CREATE INDEX "Annotation_bodySearch_idx" ON "Annotation" USING GIN ("bodySearch");

-- CreateIndex
CREATE INDEX "SourceVersion_textSearch_idx" ON "SourceVersion" USING GIN ("textSearch");
