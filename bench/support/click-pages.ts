// Two Chromium pages on one board — Alice writes, Bob watches — and the clicks between them: Alice types a
// note with a unique text and clicks "Add"; the stopwatches in both pages (click-probes.ts) say when the
// click happened and when Bob's page showed the text. The bench only collects the stamps afterwards, so
// no Playwright round trip is inside a measured time.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { READER_CALLBACK, type ReaderMarks, readerProbe, type WriterMarks, writerProbe } from "./click-probes";
import { sleep } from "./stats";

const FORM = 'form[aria-label="Add an annotation"]';

export type PageSide = { url: string; cookies: { name: string; value: string }[] };

/** One click's times in ms; the parts are null when that stamp is missing (e.g. no WebSocket frame seen). */
export type ClickSample = {
  toDom: number;
  toPaint: number;
  clickToSend: number | null;
  sendToFrame: number | null;
  frameToDom: number | null;
};

export type ClickPair = {
  writer: Page;
  reader: Page;
  /** Resolves with Bob's page's marks once it showed `text`. */
  seen: (text: string, timeoutMs: number) => Promise<ReaderMarks>;
  close: () => Promise<void>;
};

/** Alice's and Bob's pages, each in its own browser context (own session), both showing `ready`. */
export async function openPair(
  browser: Browser,
  options: { writer: PageSide; reader: PageSide; ready: string; timeoutMs: number },
): Promise<ClickPair> {
  const contexts: BrowserContext[] = [];
  const waiting = new Map<string, (marks: ReaderMarks) => void>();
  const open = async (side: PageSide, probe: string) => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    contexts.push(context);
    const origin = new URL(side.url).origin;
    await context.addCookies(side.cookies.map((cookie) => ({ ...cookie, url: origin })));
    const page = await context.newPage();
    await page.addInitScript({ content: probe });
    return page;
  };
  const close = async () => {
    await Promise.all(contexts.map((context) => context.close()));
  };
  try {
    const writer = await open(options.writer, writerProbe);
    const reader = await open(options.reader, readerProbe);
    await reader.exposeFunction(READER_CALLBACK, (marks: ReaderMarks) => waiting.get(marks.text)?.(marks));
    // One after the other: in one profiled run on a busy machine, two pages loading a 20,000-thread board
    // at once were not both live after three minutes.
    for (const [page, side] of [
      [reader, options.reader],
      [writer, options.writer],
    ] as const) {
      await page.goto(side.url);
      await page.waitForSelector(options.ready, { timeout: options.timeoutMs });
    }
    await writer.waitForSelector(`${FORM} textarea`, { timeout: options.timeoutMs });
    const seen = (text: string, timeoutMs: number) =>
      new Promise<ReaderMarks>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(text);
          reject(new Error(`Bob's page did not show "${text}" within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(text, (marks) => {
          clearTimeout(timer);
          waiting.delete(text);
          resolve(marks);
        });
      });
    return { writer, reader, close, seen };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * One note from Alice to Bob: Bob's page is told the text, Alice types it and clicks "Add"; resolves once
 * Bob's page showed it and Alice's composer took the ack (the field is empty and nothing waits in the
 * outbox), so the next note does not queue behind this one.
 */
export async function clickOnce(pair: ClickPair, label: string, timeoutMs: number): Promise<ClickSample> {
  const text = `Bench probe ${label} ${randomUUID().slice(0, 8)}`;
  const seen = pair.seen(text, timeoutMs);
  await pair.reader.evaluate((expected) => {
    (window as unknown as { __screenProbe: { expect: (text: string) => void } }).__screenProbe.expect(expected);
  }, text);
  await pair.writer.fill(`${FORM} textarea`, text);
  await pair.writer.click(`${FORM} button[type="submit"]`, { timeout: timeoutMs });
  const reader = await seen;
  const writer = await pair.writer.evaluate(
    (written) =>
      (window as unknown as { __clickProbe: { read: (text: string) => WriterMarks | null } }).__clickProbe.read(
        written,
      ),
    text,
  );
  if (!writer) throw new Error(`Alice's page recorded no click for "${text}"`);
  await pair.writer.waitForFunction(
    (form) =>
      document.querySelector<HTMLTextAreaElement>(`${form} textarea`)?.value === "" &&
      !document.querySelector(".outbox-entry"),
    FORM,
    { timeout: timeoutMs, polling: 20 },
  );
  return sampleOf(writer, reader);
}

function sampleOf(writer: WriterMarks, reader: ReaderMarks): ClickSample {
  const { clickAt, sentAt } = writer;
  return {
    toDom: reader.domAt - clickAt,
    toPaint: reader.paintedAt - clickAt,
    clickToSend: sentAt === null ? null : sentAt - clickAt,
    sendToFrame: sentAt === null || reader.frameAt === null ? null : reader.frameAt - sentAt,
    frameToDom: reader.frameAt === null ? null : reader.domAt - reader.frameAt,
  };
}

/** `warmups` notes that are not kept, then `count` that are, `pauseMs` apart. */
export async function clickSeries(
  pair: ClickPair,
  options: { label: string; warmups: number; count: number; pauseMs: number; timeoutMs: number },
): Promise<ClickSample[]> {
  const samples: ClickSample[] = [];
  for (let index = 0; index < options.warmups + options.count; index++) {
    const sample = await clickOnce(pair, `${options.label} ${index + 1}`, options.timeoutMs);
    if (index >= options.warmups) samples.push(sample);
    await sleep(options.pauseMs);
  }
  return samples;
}

/**
 * How far a page's `performance.timeOrigin + performance.now()` is from the system clock (Date.now(), the
 * same clock in every process, whole milliseconds): the least difference over a few milliseconds of
 * readings, taken just after Date.now() ticks over. Two pages whose errors agree can compare their stamps.
 */
export function clockError(page: Page): Promise<number> {
  return page.evaluate(() => {
    let least = Number.POSITIVE_INFINITY;
    const until = performance.now() + 5;
    while (performance.now() < until) {
      // The system clock first: a pause between the two reads can then only make this reading larger.
      const wall = Date.now();
      least = Math.min(least, performance.timeOrigin + performance.now() - wall);
    }
    return least;
  });
}
