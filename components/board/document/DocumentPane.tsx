"use client";
// The document pane: one source's document, read together. The text of the version shown (the current one
// unless an older one is picked), every passage note highlighted where it sits, the notes that lost their
// passage, what changed between versions, and, for editors, a new version by pasting or uploading.
// Selecting a passage offers to annotate it (the board's composer takes it as its target) or to attach an
// orphan there. Candidates found by extraction (issue 15) are marked on the text and listed beside it.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { BoardState } from "@/lib/board-state";
import type { PresenceMember } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import type { TAnnotationCreateInput, WireAnnotation } from "@/lib/schemas/annotation";
import type { WireSource } from "@/lib/schemas/board";
import { CANDIDATE_KINDS, type CandidateKind, type WireCandidate } from "@/lib/schemas/candidate";
import { LIMITS } from "@/lib/schemas/common";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { AnnotationAbilities } from "../annotation-abilities";
import type { BoardSend } from "../use-live-board";
import type { SubmitOutcome } from "../use-outbox";
import { useUrlFilter } from "../use-url-filter";
import { CandidateList } from "./CandidateList";
import { CandidateProposal } from "./CandidateProposal";
import { candidateMarks } from "./candidate-marks";
import { DocumentDiff } from "./DocumentDiff";
import { DocumentText } from "./DocumentText";
import styles from "./document.module.css";
import { FindCandidates } from "./FindCandidates";
import { OrphanList } from "./OrphanList";
import { PassageThreads } from "./PassageThreads";
import { documentPassages, type PassageTarget, shortQuote } from "./passages";
import { sentenceOf } from "./propose-event";
import { ReviseForm } from "./ReviseForm";
import { spanOfSelection } from "./selection-offsets";
import { UploadForm } from "./UploadForm";
import { useCandidates } from "./use-candidates";
import { useDocument } from "./use-document";

type Mode = "read" | "changes" | "revise" | "upload";
type Chosen = { start: number; end: number; exact: string };

type Props = {
  slug: string;
  source: WireSource;
  board: BoardState;
  presence: PresenceMember[];
  abilities: AnnotationAbilities;
  canEdit: boolean;
  send: BoardSend;
  /** The board's recent ops: they keep the candidates live (use-candidates.ts). */
  liveOps: readonly WireOp[];
  submit: (input: TAnnotationCreateInput) => Promise<SubmitOutcome>;
  onAnnotate: (target: PassageTarget) => void;
  onTyping: (threadId: string | null) => void;
  /** A place to show (a search result): that version, scrolled to the offset. A new object asks again. */
  jump?: { version: number; offset: number | null } | null;
  onClose: () => void;
};

export function DocumentPane(props: Props) {
  const { slug, source, board, presence, abilities, canEdit, send, submit, onAnnotate, onTyping, onClose } = props;
  const jump = props.jump ?? null;
  const boardId = board.board.id;
  const [picked, setPicked] = useState<number | null>(null);
  const shownVersion = Math.min(picked ?? source.currentVersion, source.currentVersion);
  const { document, loading, versions, problem } = useDocument({
    boardId,
    sourceId: source.id,
    version: shownVersion,
    send,
  });
  /** The version whose text is on screen: the one asked for, or the previous one while it loads. */
  const drawnVersion = document?.version ?? shownVersion;
  const [mode, setMode] = useState<Mode>("read");
  const [openIds, setOpenIds] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [attaching, setAttaching] = useState<WireAnnotation | null>(null);
  const [attachProblem, setAttachProblem] = useState<string | null>(null);
  const [reviseBase, setReviseBase] = useState<{ version: number; text: string } | null>(null);
  const [filter, setFilter] = useUrlFilter();
  const candidates = useCandidatesOf({ boardId, source, drawnVersion, liveOps: props.liveOps, send });
  const { setCandidateReveal } = candidates;
  // A jump picks its version once; the analyst may pick another afterwards.
  const [jumped, setJumped] = useState<typeof jump>(null);
  if (jump && jump !== jumped) {
    setJumped(jump);
    setCandidateReveal(null);
    setPicked(jump.version === source.currentVersion ? null : jump.version);
    setMode("read");
  }
  const listingThisDocument = filter.sourceId === source.id;

  const { threads, threadOrder } = board.annotations;
  const passages = useMemo(
    () => documentPassages({ order: threadOrder, byHead: threads }, source.id, drawnVersion, source.currentVersion),
    [threadOrder, threads, source.id, drawnVersion, source.currentVersion],
  );
  const readers = presence.filter(
    (member) => member.focus?.type === "source" && member.focus.id === source.id && member.userId !== abilities.userId,
  );
  const isCurrent = shownVersion === source.currentVersion;
  /** The current version's text once it is on screen: what a revision starts from. */
  const currentBase =
    source.currentVersion === 0
      ? { version: 0, text: "" }
      : document?.version === source.currentVersion
        ? { version: document.version, text: document.text }
        : null;

  const text = document?.text;
  const select = useCallback(
    (root: HTMLElement) => {
      const selection = window.getSelection();
      if (!text || !selection) return;
      const span = spanOfSelection(root, selection, text);
      setChosen(span ? { ...span, exact: text.slice(span.start, span.end) } : null);
    },
    [text],
  );
  const openThreads = useCallback((ids: string[]) => setOpenIds(ids), []);

  const annotate = () => {
    if (!chosen) return;
    // The offsets are into the text on screen, which is the version to name.
    onAnnotate({ type: "source-span", sourceId: source.id, version: drawnVersion, ...chosen });
    setChosen(null);
  };
  const attach = async () => {
    if (!chosen || !attaching) return;
    setAttachProblem(null);
    const result = await send("annotation:attach", { boardId, id: attaching.id, ...chosen });
    if (!result.ok) {
      setAttachProblem(describeFailure(result.error));
      return;
    }
    setAttaching(null);
    setChosen(null);
  };
  const startRevising = () => {
    setReviseBase(currentBase);
    setMode("revise");
  };
  /** After a new version: back to reading, following the current version, where the notes now sit. */
  const saved = () => {
    setPicked(null);
    setMode("read");
    setReviseBase(null);
    setChosen(null);
  };
  const tooLong = chosen !== null && chosen.exact.length > LIMITS.passageQuote;
  const proposing = candidates.proposing;

  return (
    <section className={`panel ${styles.pane}`} aria-labelledby="document-title" data-testid="document-pane">
      <h2>Document</h2>
      <div className={styles.titleRow}>
        <strong id="document-title" className={styles.title}>
          {source.title}
        </strong>
        {source.currentVersion > 0 ? (
          <select
            value={shownVersion}
            onChange={(event) => {
              const version = Number(event.target.value);
              setPicked(version === source.currentVersion ? null : version);
              setOpenIds([]);
            }}
            aria-label="Version shown"
          >
            {Array.from({ length: source.currentVersion }, (_, index) => source.currentVersion - index).map(
              (version) => (
                <option key={version} value={version}>
                  {versionLabel(version, source.currentVersion, versions)}
                </option>
              ),
            )}
          </select>
        ) : null}
        {readers.length ? (
          <span className={styles.readers} data-testid="document-readers">
            Reading now: {readers.map((reader) => reader.name).join(", ")}
          </span>
        ) : null}
        <button type="button" className={`link-button ${styles.close}`} onClick={onClose}>
          close
        </button>
      </div>
      <div className={styles.toolbar}>
        {(["read", "changes"] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={mode === choice}
            onClick={() => setMode(choice)}
            disabled={choice === "changes" && source.currentVersion < 2}
          >
            {choice === "read" ? "Text" : "What changed"}
          </button>
        ))}
        {canEdit && isCurrent ? (
          <FindCandidates
            boardId={boardId}
            source={source}
            send={send}
            onFound={candidates.found}
            candidates={candidates.list}
          />
        ) : null}
        {canEdit ? (
          <>
            <button type="button" aria-pressed={mode === "revise"} onClick={startRevising} disabled={!currentBase}>
              Revise
            </button>
            <button type="button" aria-pressed={mode === "upload"} onClick={() => setMode("upload")}>
              Upload
            </button>
          </>
        ) : null}
        <button
          type="button"
          aria-pressed={listingThisDocument}
          title="The annotation list shows only the notes on this document"
          onClick={() => {
            const { sourceId: _, ...rest } = filter;
            setFilter(listingThisDocument ? rest : { ...rest, sourceId: source.id });
          }}
        >
          List: on this document
        </button>
        <span className="muted">
          {passages.highlights.length} {passages.highlights.length === 1 ? "note" : "notes"} on this version
        </span>
      </div>
      {!isCurrent ? (
        <p className="muted">
          Version {shownVersion} of {source.currentVersion}: notes are shown where they were written on this version.{" "}
          <button type="button" className="link-button" onClick={() => setPicked(null)}>
            Read the current version
          </button>
        </p>
      ) : null}
      <Problem message={problem} />
      {mode === "changes" ? (
        <DocumentDiff boardId={boardId} sourceId={source.id} latest={source.currentVersion} send={send} />
      ) : null}
      {mode === "revise" && (reviseBase ?? currentBase) ? (
        <ReviseForm
          key={`${(reviseBase ?? currentBase)?.version}`}
          boardId={boardId}
          sourceId={source.id}
          base={reviseBase ?? currentBase ?? { version: 0, text: "" }}
          currentVersion={source.currentVersion}
          send={send}
          onLoadCurrent={() => {
            setPicked(null);
            setReviseBase(null);
          }}
          onSaved={saved}
        />
      ) : null}
      {mode === "upload" ? (
        <UploadForm slug={slug} sourceId={source.id} basedOnVersion={source.currentVersion} onUploaded={saved} />
      ) : null}
      {chosen ? (
        <div className={styles.selectionBar} data-testid="selection-bar">
          <span className={styles.quote}>{shortQuote(chosen.exact)}</span>
          {tooLong ? (
            <span className="problem">A passage has at most {LIMITS.passageQuote} characters.</span>
          ) : (
            <>
              {abilities.create ? (
                <button type="button" onClick={annotate}>
                  Annotate
                </button>
              ) : null}
              {attaching && drawnVersion === source.currentVersion ? (
                <button type="button" onClick={() => void attach()}>
                  Attach here
                </button>
              ) : null}
            </>
          )}
          <button type="button" className="link-button" onClick={() => setChosen(null)}>
            cancel
          </button>
        </div>
      ) : null}
      <Problem message={attachProblem} />
      {loading && document ? <p className="muted">Loading version {shownVersion}…</p> : null}
      <Problem message={candidates.problem} />
      {proposing && document ? (
        <CandidateProposal
          key={proposing.id}
          boardId={boardId}
          candidate={proposing}
          candidates={candidates.list}
          sentence={sentenceOf(proposing, document.text, document.version)}
          source={source}
          board={board}
          send={send}
          onDone={candidates.confirmed}
          onCancel={candidates.closeProposal}
        />
      ) : null}
      {mode !== "changes" && document ? (
        <div className={candidates.list.length ? styles.reading : undefined}>
          <DocumentText
            text={document.text}
            pageStarts={document.pageStarts}
            highlights={passages.highlights}
            onOpenHighlights={openThreads}
            onSelect={select}
            reveal={candidates.reveal ?? (jump && jump.offset !== null && jump.version === drawnVersion ? jump : null)}
            marks={candidates.marks}
            selectedMark={candidates.selectedId}
            onPickCandidate={candidates.pick}
          />
          {candidates.list.length ? (
            <CandidateList
              candidates={candidates.list}
              kinds={candidates.kinds}
              onKinds={candidates.setKinds}
              selectedId={candidates.selectedId}
              onSelect={candidates.select}
              onPropose={candidates.propose}
              onReject={(candidate) => void candidates.reject(candidate)}
              canDecide={canEdit && isCurrent}
              board={board}
              listRef={candidates.listRef}
            />
          ) : null}
        </div>
      ) : mode !== "changes" && !problem && source.currentVersion > 0 ? (
        <p className="muted">Loading the document…</p>
      ) : null}
      {source.currentVersion === 0 ? (
        <p className="muted">
          This source has no document yet{canEdit ? ": paste one with Revise, or upload a file." : "."}
        </p>
      ) : null}
      <PassageThreads
        ids={openIds}
        board={board}
        abilities={abilities}
        send={send}
        submit={submit}
        onTyping={onTyping}
        onClose={() => setOpenIds([])}
      />
      <OrphanList
        orphans={passages.orphans}
        version={source.currentVersion}
        // The server's rule for moving a note: one's own, or anyone's for those who may delete any.
        canAttach={abilities.remove}
        attaching={attaching?.id ?? null}
        onChooseToAttach={(annotation) => {
          setAttaching(annotation);
          setAttachProblem(null);
          if (annotation) setPicked(null);
        }}
        onOpen={(id) => setOpenIds([id])}
      />
    </section>
  );
}

function versionLabel(
  version: number,
  current: number,
  versions: readonly { version: number; createdAt: string; author: { name: string } | null }[],
): string {
  const info = versions.find((known) => known.version === version);
  const by = info
    ? ` · ${info.author?.name ?? "author unknown"} · ${info.createdAt.slice(0, 16).replace("T", " ")}Z`
    : "";
  return `version ${version}${version === current ? " (current)" : ""}${by}`;
}

/** The pane's candidates: the list, the marks on the version drawn, the selection and the decisions. */
function useCandidatesOf({
  boardId,
  source,
  drawnVersion,
  liveOps,
  send,
}: {
  boardId: string;
  source: WireSource;
  drawnVersion: number;
  liveOps: readonly WireOp[];
  send: BoardSend;
}) {
  const { candidates, problem: loadProblem, take } = useCandidates({ boardId, sourceId: source.id, liveOps, send });
  const list = candidates ?? NO_CANDIDATES;
  const [kinds, setKinds] = useState<Set<CandidateKind>>(() => new Set(CANDIDATE_KINDS));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [proposingId, setProposingId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reveal, setCandidateReveal] = useState<{ offset: number } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The list is drawn once it holds candidates: the focus goes there after that render.
  const [focusList, setFocusList] = useState(false);
  useEffect(() => {
    if (!focusList || !listRef.current || !list.length) return;
    listRef.current.focus();
    setFocusList(false);
  }, [focusList, list]);
  const marks = useMemo(
    () => candidateMarks(list, drawnVersion, (candidate) => kinds.has(candidate.kind)),
    [list, drawnVersion, kinds],
  );

  const select = useCallback(
    (id: string) => {
      setSelectedId(id);
      const anchor = list.find((candidate) => candidate.id === id)?.anchor;
      if (anchor?.status === "anchored" && anchor.version === drawnVersion)
        setCandidateReveal({ offset: anchor.start });
    },
    [list, drawnVersion],
  );
  /** A click on a mark in the text: the list follows, the text stays where it is. */
  const pick = useCallback((id: string) => setSelectedId(id), []);
  /** After a decision: the next candidate still to decide, and the keys back on the list. */
  const moveOn = (after: WireCandidate) => {
    const shown = list.filter((candidate) => kinds.has(candidate.kind));
    const from = shown.findIndex((candidate) => candidate.id === after.id);
    const next = [...shown.slice(from + 1), ...shown.slice(0, Math.max(from, 0))].find(
      (candidate) => candidate.status === "proposed" && candidate.id !== after.id,
    );
    if (next) select(next.id);
    requestAnimationFrame(() => listRef.current?.focus());
  };

  return {
    list,
    problem: problem ?? loadProblem,
    take,
    /** What extraction answered: shown at once, and the keys go to the list to work through it. */
    found: (found: WireCandidate[]) => {
      take(found);
      if (found.length) setFocusList(true);
    },
    kinds,
    setKinds,
    selectedId,
    select,
    pick,
    marks,
    reveal,
    setCandidateReveal,
    listRef,
    proposing: list.find((candidate) => candidate.id === proposingId) ?? null,
    propose: (candidate: WireCandidate) => {
      setProblem(null);
      setProposingId(candidate.id);
    },
    closeProposal: () => {
      setProposingId(null);
      requestAnimationFrame(() => listRef.current?.focus());
    },
    confirmed: (candidate: WireCandidate) => {
      take([candidate]);
      setProposingId(null);
      moveOn(candidate);
    },
    reject: async (candidate: WireCandidate) => {
      setProblem(null);
      const result = await send("candidate:reject", { boardId, candidateId: candidate.id });
      if (!result.ok) return setProblem(describeFailure(result.error));
      take([result.candidate]);
      moveOn(result.candidate);
    },
  };
}

const NO_CANDIDATES: WireCandidate[] = [];
