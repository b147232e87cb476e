// HTML documents (issue 14): the article's text without the page around it, paragraphs and headings
// as blank-line separated paragraphs, and the page only ever parsed — no script runs, nothing loads.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentRejected } from "@/server/documents/extract/document-rejected";
import { extractDocument } from "@/server/documents/extract/extract-document";
import { REPORT_PARAGRAPHS, REPORT_TITLE, reportPage, utf8, windows1251Bytes } from "../fixtures/documents/samples";

const extractHtml = (html: string | Uint8Array, contentType = "text/html") =>
  extractDocument({ bytes: typeof html === "string" ? utf8(html) : html, contentType });

describe("a text/html document", () => {
  it("is the article's title and paragraphs, without navigation, sidebar, footer, style or script", async () => {
    const document = await extractHtml(reportPage());
    expect(document).toEqual({
      text: [REPORT_TITLE, ...REPORT_PARAGRAPHS].join("\n\n"),
      pageStarts: [],
      format: "html",
    });
  });

  it("runs none of the page's scripts", async () => {
    const { text } = await extractHtml(reportPage({ scriptRewrites: "rewritten by the page's script" }));
    expect(text).toContain(REPORT_PARAGRAPHS[0]);
    expect(text).not.toContain("rewritten");
  });

  describe("loading nothing the page refers to", () => {
    let server: Server;
    const requested: string[] = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        requested.push(request.url ?? "");
        response.end("document.body.textContent = 'loaded';");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("requests no stylesheet, script or image", async () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await extractHtml(reportPage({ resourceBase: base }));
      // No barrier can prove a request that never comes; a loading page would have asked well within this.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(requested).toEqual([]);
    });
  });

  it("keeps a line break from <br> and the lines of <pre>, and gives each list item its own paragraph", async () => {
    const html = `<html><head><title>Notes</title></head><body><div>
      <p>Watch list<br>   updated hourly</p>
      <pre>grid 31U
  check   twice

end</pre>
      <ul><li>first item</li><li>second <i>item</i></li></ul></div></body></html>`;
    expect((await extractHtml(html)).text).toBe(
      ["Notes", "Watch list\nupdated hourly", "grid 31U\n  check   twice", "end", "first item", "second item"].join(
        "\n\n",
      ),
    );
  });

  it("reads UTF-8 when neither the upload nor the page names a charset", async () => {
    const html = "<html><body><p>Колонна прошла через мост.</p></body></html>";
    expect((await extractHtml(html)).text).toBe("Колонна прошла через мост.");
  });

  it("honours the page's own <meta charset>", async () => {
    const html = windows1251Bytes('<html><head><meta charset="windows-1251"></head><body><p>Сводка</p></body></html>');
    expect((await extractHtml(html)).text).toBe("Сводка");
  });

  it("honours the charset the upload names", async () => {
    const html = windows1251Bytes("<html><body><p>Сводка</p></body></html>");
    expect((await extractHtml(html, "text/html; charset=windows-1251")).text).toBe("Сводка");
  });

  it("refuses a page with nothing to read as empty", async () => {
    for (const html of ["", "<html><body></body></html>", "<html><body><script>var a = 'x';</script></body></html>"]) {
      const error = await extractHtml(html).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DocumentRejected);
      expect((error as DocumentRejected).reason).toBe("empty");
    }
  });
});
