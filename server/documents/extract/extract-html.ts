// An HTML document's main text: @mozilla/readability picks the article out of the page (leaving
// navigation, footers and ads), over a jsdom document that is parsed only — jsdom's defaults run no
// script and load no resource, and both are named here so that no later edit turns them on by accident.
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { DocumentRejected } from "./document-rejected";
import { htmlParagraphs } from "./html-paragraphs";
import { normalizeLineBreaks } from "./normalize-line-breaks";

export function extractHtml(bytes: Uint8Array, charset: string | null): string {
  const document = parseHtml(bytes, charset);
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  // A page too small for Readability to call an article is read whole, less what is never shown.
  const paragraphs = article?.content ? htmlParagraphs(article.content) : htmlParagraphs(document.body);
  // Readability drops the page's headline when it repeats the title; the title stands in for it.
  const title = article?.title?.trim();
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);
  return normalizeLineBreaks(paragraphs.join("\n\n"));
}

function parseHtml(bytes: Uint8Array, charset: string | null): Document {
  try {
    const dom = new JSDOM(bytes, {
      contentType: contentTypeFor(bytes, charset),
      runScripts: undefined,
      resources: undefined,
      // Parse errors and CSS complaints are the page's business, not the server log's.
      virtualConsole: new VirtualConsole(),
    });
    return dom.window.document;
  } catch {
    throw new DocumentRejected("corrupt", "The HTML file could not be read; save the page again and upload it");
  }
}

/**
 * How jsdom should decode the page. A charset named by the upload wins (as an HTTP header does in a
 * browser); else the page's own <meta charset>, which jsdom reads; else UTF-8 when the bytes are valid
 * UTF-8 (a file in another encoding practically never is), where jsdom alone would assume windows-1252.
 */
function contentTypeFor(bytes: Uint8Array, charset: string | null): string {
  if (charset) return `text/html; charset=${charset}`;
  if (declaresCharset(bytes) || !isUtf8(bytes)) return "text/html";
  return "text/html; charset=utf-8";
}

/** Whether a <meta> near the top names a charset (the HTML prescan looks at the first 1024 bytes). */
function declaresCharset(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=/i.test(head);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
