// The briefing deck opens in LibreOffice Impress: converted headless to PDF, it gives one page per slide
// (a slide LibreOffice could not read, or a deck it refused, would not), each showing the handling line
// that the slide master carries. Needs `soffice`
// (libreoffice-impress); REQUIRE_LIBREOFFICE=1, as in CI, makes its absence a failure.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import JSZip from "jszip";
import { getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { exportBriefingDeck } from "@/server/exports/deck/export-briefing-deck";
import { openTestApp, type TestApp } from "../support/open-test-app";
import { requiredProgram } from "../support/required-program";

const DEMO_SLUG = "russia-ukraine-2022-01";
const HANDLING = "UNCLASSIFIED // FOR TRAINING";
/** A cold LibreOffice start on a busy two-core machine takes tens of seconds. */
const CONVERSION_TIMEOUT_MS = 240_000;

const soffice = requiredProgram({
  program: "soffice",
  aptPackage: "libreoffice-impress",
  test: "briefing-deck-libreoffice.test.ts",
  requiredBy: "REQUIRE_LIBREOFFICE",
});

const run = promisify(execFile);

describe.skipIf(!soffice)("the briefing deck in LibreOffice", () => {
  let app: TestApp;
  let directory: string;

  beforeAll(async () => {
    app = await openTestApp({ seedDemo: true });
    await app.db.board.update({ where: { slug: DEMO_SLUG }, data: { handling: HANDLING } });
    directory = await mkdtemp(path.join(tmpdir(), "watchfloor-deck-"));
  });

  afterAll(async () => {
    await app?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it(
    "converts headless to a PDF with one page per slide, each with the handling line",
    async () => {
      const alice = await app.db.user.findUniqueOrThrow({ where: { email: "alice@watchfloor.test" } });
      const actor: Actor = { id: alice.id, name: alice.name, email: alice.email };
      const deck = await exportBriefingDeck({ db: app.db, workers: app.workers, actor, slug: DEMO_SLUG, query: {} });
      const deckPath = path.join(directory, "briefing.pptx");
      await writeFile(deckPath, deck.body);
      const presentation = await (await JSZip.loadAsync(deck.body)).file("ppt/presentation.xml")?.async("string");
      const slideCount = presentation?.match(/<p:sldId\b/g)?.length ?? 0;
      expect(slideCount).toBeGreaterThan(5);

      // Its own profile directory: a shared one is locked by any other LibreOffice running as this user.
      await run(
        soffice ?? "soffice",
        [
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          directory,
          `-env:UserInstallation=${pathToFileURL(path.join(directory, "profile")).href}`,
          deckPath,
        ],
        { timeout: CONVERSION_TIMEOUT_MS },
      );
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(path.join(directory, "briefing.pdf"))));
      expect(pdf.numPages).toBe(slideCount);
      for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
        const { items } = await (await pdf.getPage(pageNumber)).getTextContent();
        const text = items.map((item) => ("str" in item ? item.str : "")).join(" ");
        expect(text.split(HANDLING).length - 1, `handling lines on page ${pageNumber}`).toBeGreaterThanOrEqual(2);
      }
    },
    CONVERSION_TIMEOUT_MS + 60_000,
  );
});
