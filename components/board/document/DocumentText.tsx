"use client";
// One version's text, paragraph by paragraph, with every passage annotation on it highlighted. Only the
// paragraphs in or near view are in the DOM (a 1 MiB report is thousands of them), each measured as it
// renders. Each run of text carries its offset in data-start, which is how a selection becomes a passage
// (selection-offsets.ts); a click on a highlight opens the threads it carries. Candidates (issue 15) are
// drawn by the same segments as a dotted underline by kind; a click on one picks it in the list.
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useMemo, useRef } from "react";
import { type CandidateMark, selectedIn } from "./candidate-marks";
import styles from "./document.module.css";
import { type Highlight, highlightsByParagraph, type Segment, segmentParagraph } from "./highlight-segments";
import { type Paragraph, paragraphAt, splitParagraphs } from "./paragraphs";

/** A guess at a paragraph's height from its length, until it is measured. */
const PX_PER_LINE = 21;
const CHARS_PER_LINE = 90;
const OVERSCAN = 6;
/** Room above the first paragraph and below the last, inside the scrolling box. */
const EDGE_PX = 8;

type Props = {
  text: string;
  pageStarts: readonly number[];
  highlights: readonly Highlight[];
  /** The threads (top annotation ids) whose highlight was clicked. */
  onOpenHighlights: (ids: string[]) => void;
  /** Called with the text element when the analyst lets go of a selection in it. */
  onSelect: (root: HTMLElement) => void;
  /** Scrolls once to the paragraph holding this offset; a new object scrolls again. */
  reveal?: { offset: number | null } | null;
  /** Candidates marked on the text (candidate-marks.ts), and what a click on one does. */
  marks?: readonly CandidateMark[];
  /** The candidate selected in the list, drawn as such where it is marked. */
  selectedMark?: string | null;
  onPickCandidate?: (id: string) => void;
};

type Drawn = Highlight | CandidateMark;
const isMark = (drawn: Drawn): drawn is CandidateMark => "candidate" in drawn;

export function DocumentText(props: Props) {
  const { text, pageStarts, highlights, onOpenHighlights, onSelect, reveal = null } = props;
  const { marks = NO_MARKS, selectedMark = null, onPickCandidate } = props;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const paragraphs = useMemo(() => splitParagraphs(text, pageStarts), [text, pageStarts]);
  const buckets = useMemo(
    () => highlightsByParagraph<Drawn>(paragraphs, marks.length ? [...highlights, ...marks] : highlights),
    [paragraphs, highlights, marks],
  );
  const virtualizer = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => estimatedHeight(paragraphs[index]),
    overscan: OVERSCAN,
    paddingStart: EDGE_PX,
    paddingEnd: EDGE_PX,
  });

  const revealed = useRef<typeof reveal>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal) return;
    revealed.current = reveal;
    const index = reveal.offset === null ? -1 : paragraphAt(paragraphs, reveal.offset);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: "start" });
    // The pane sits under the map (issue 16): bring it into the window too, or the passage is shown in a
    // pane scrolled below the fold.
    scrollerRef.current?.scrollIntoView({ block: "nearest" });
  }, [reveal, paragraphs, virtualizer]);

  if (!paragraphs.length) return <p className="muted">This version has no text.</p>;
  return (
    <div
      ref={scrollerRef}
      className={styles.scroller}
      data-testid="document-text"
      role="document"
      aria-label="The document's text"
      onClick={(event) => {
        // A click that ends a selection is a selection, not a request to open a thread. Keyboard readers
        // reach the same threads in the annotation list (On: this document), without 2,000 tab stops here.
        if (window.getSelection()?.isCollapsed === false) return;
        const mark = (event.target as Element).closest("[data-annotation-ids]");
        if (mark) onOpenHighlights(mark.getAttribute("data-annotation-ids")?.split(" ") ?? []);
        const candidate = (event.target as Element).closest("[data-candidate-ids]");
        const candidateId = candidate?.getAttribute("data-candidate-ids")?.split(" ")[0];
        if (candidateId && onPickCandidate) onPickCandidate(candidateId);
      }}
      onMouseDown={(event) => {
        // A drag that starts in the text may end outside it: hear the release wherever it happens.
        const root = event.currentTarget;
        window.addEventListener("mouseup", () => onSelect(root), { once: true });
      }}
      onKeyUp={(event) => {
        if (event.shiftKey) onSelect(event.currentTarget);
      }}
    >
      <div style={{ position: "relative", height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const paragraph = paragraphs[item.index];
          if (!paragraph) return null;
          const drawn = buckets[item.index] ?? NONE;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className={styles.row}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ParagraphView
                text={text}
                paragraph={paragraph}
                highlights={drawn}
                selectedId={selectedIn(drawn, selectedMark)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

const NONE: Drawn[] = [];
const NO_MARKS: CandidateMark[] = [];

function estimatedHeight(paragraph: Paragraph | undefined): number {
  if (!paragraph) return PX_PER_LINE;
  const lines = Math.ceil((paragraph.end - paragraph.start) / CHARS_PER_LINE);
  return lines * PX_PER_LINE + (paragraph.pageBegins ? 28 : 10);
}

/** Memoized: a scroll re-renders the list, not the paragraphs that stay in view. */
const ParagraphView = memo(function ParagraphView({
  text,
  paragraph,
  highlights,
  selectedId,
}: {
  text: string;
  paragraph: Paragraph;
  highlights: readonly Drawn[];
  selectedId: string | null;
}) {
  const segments = useMemo(() => segmentParagraph(paragraph, highlights), [paragraph, highlights]);
  return (
    <>
      {paragraph.pageBegins ? (
        <div className={styles.pageMark} data-testid="page-mark" aria-hidden="true">
          p. {paragraph.page}
        </div>
      ) : null}
      <p className={styles.paragraph}>
        {segments.map((segment) => (
          <SegmentView key={segment.start} text={text} segment={segment} selectedId={selectedId} />
        ))}
      </p>
    </>
  );
});

function SegmentView({
  text,
  segment,
  selectedId,
}: {
  text: string;
  segment: Segment<Drawn>;
  selectedId: string | null;
}) {
  const content = text.slice(segment.start, segment.end);
  const notes = segment.highlights.filter((drawn): drawn is Highlight => !isMark(drawn));
  const marks = segment.highlights.filter(isMark);
  const selected = marks.find((mark) => mark.id === selectedId);
  const candidate = selected ?? marks[0];
  // A candidate's mark: a dotted underline by kind, over a note's highlight when both are there.
  const candidateProps = candidate
    ? {
        "data-candidate-ids": marks.map((mark) => mark.id).join(" "),
        "data-candidate-kind": candidate.kind,
        "data-selected": selected ? "true" : undefined,
      }
    : {};
  const candidateClass = candidate
    ? ` ${styles.candidate} ${styles[`candidate-${candidate.kind}`] ?? ""}${selected ? ` ${styles.candidateSelected}` : ""}`
    : "";
  const first = notes[0];
  if (!first) {
    return candidate ? (
      <span
        data-start={segment.start}
        data-testid="candidate-mark"
        className={candidateClass.trim()}
        {...candidateProps}
      >
        {content}
      </span>
    ) : (
      <span data-start={segment.start}>{content}</span>
    );
  }
  const overlap = notes.length > 1;
  const ids = notes.map((highlight) => highlight.id);
  return (
    <mark
      data-start={segment.start}
      data-testid="highlight"
      data-annotation-ids={ids.join(" ")}
      data-kind={first.kind}
      className={`${styles.highlight} ${styles[`kind-${first.kind}`] ?? ""}${overlap ? ` ${styles.overlap}` : ""}${candidateClass}`}
      title={overlap ? `${ids.length} notes overlap here` : `A ${first.kind}: click to open its thread`}
      {...candidateProps}
    >
      {content}
    </mark>
  );
}
