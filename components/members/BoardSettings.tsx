"use client";
// An owner's board settings: details (only the changed fields are sent), archive or restore, and delete
// after typing the board's title. An archived board's details stay locked until it is restored.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { can } from "@/lib/permissions";
import type { BoardSummary, TBoardUpdate } from "@/lib/schemas/board";
import { LIMITS } from "@/lib/schemas/common";
import { apiRequest, describeFailure } from "../ui/api-request";
import { Problem } from "../ui/Problem";

type Props = { board: BoardSummary; onChanged: () => Promise<void> };

export function BoardSettings({ board, onChanged }: Props) {
  const router = useRouter();
  const [title, setTitle] = useState(board.title);
  const [description, setDescription] = useState(board.description);
  const [handling, setHandling] = useState(board.handling);
  const [confirmTitle, setConfirmTitle] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/boards/${encodeURIComponent(board.slug)}`;

  const changes: TBoardUpdate = {
    ...(title !== board.title ? { title } : {}),
    ...(description !== board.description ? { description } : {}),
    ...(handling !== board.handling ? { handling } : {}),
  };
  const changed = Object.keys(changes).length > 0;

  const send = async (request: Promise<Awaited<ReturnType<typeof apiRequest>>>) => {
    setBusy(true);
    setProblem(null);
    const outcome = await request;
    if (!outcome.ok) setProblem(describeFailure(outcome.error));
    await onChanged();
    setBusy(false);
  };

  const save = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (changed) void send(apiRequest(path, { method: "PATCH", body: changes }));
  };

  const setArchived = (archived: boolean) => void send(apiRequest(path, { method: "PATCH", body: { archived } }));

  const remove = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirmTitle !== board.title) return;
    setBusy(true);
    setProblem(null);
    const outcome = await apiRequest(path, { method: "DELETE" });
    if (outcome.ok) return router.push("/");
    setProblem(describeFailure(outcome.error));
    setBusy(false);
  };

  return (
    <section className="members-section board-settings" aria-labelledby="settings-heading" data-testid="board-settings">
      <h2 id="settings-heading">Board settings</h2>
      {can(board.role, "board.update") ? (
        <form className="settings-form" onSubmit={save}>
          <fieldset disabled={board.archived || busy}>
            <legend className="visually-hidden">Board details</legend>
            {board.archived ? <p className="muted">Restore the board to change its details.</p> : null}
            <label>
              Title
              <input
                value={title}
                onChange={(event) => setTitle(event.target.value)}
                required
                maxLength={LIMITS.title}
              />
            </label>
            <label>
              Description
              <textarea
                value={description}
                onChange={(event) => setDescription(event.target.value)}
                rows={3}
                maxLength={LIMITS.description}
              />
            </label>
            <label>
              Handling line
              <input
                value={handling}
                onChange={(event) => setHandling(event.target.value)}
                maxLength={LIMITS.handling}
                placeholder="UNCLASSIFIED // FOR TRAINING"
                className="handling-input"
                aria-describedby="handling-hint"
              />
              <span id="handling-hint" className="hint-text">
                Shown on the board and in the board list; at most {LIMITS.handling} characters.
              </span>
            </label>
            <div className="settings-actions">
              <button type="submit" disabled={!changed}>
                Save settings
              </button>
              {changed ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setTitle(board.title);
                    setDescription(board.description);
                    setHandling(board.handling);
                  }}
                >
                  Discard changes
                </button>
              ) : null}
            </div>
          </fieldset>
        </form>
      ) : null}
      {can(board.role, "board.archive") ? (
        <div className="settings-row">
          {board.archived ? (
            <>
              <button type="button" disabled={busy} onClick={() => setArchived(false)}>
                Restore board
              </button>
              <span className="muted">Makes the board writable again for its editors and commenters.</span>
            </>
          ) : (
            <>
              <button type="button" disabled={busy} onClick={() => setArchived(true)}>
                Archive board
              </button>
              <span className="muted">Makes the board read-only for everyone; an owner can restore it.</span>
            </>
          )}
        </div>
      ) : null}
      {can(board.role, "board.delete") ? (
        <form className="delete-board" onSubmit={remove}>
          <label>
            <span>
              Type the board's title, <strong>{board.title}</strong>, to delete it with everything on it
            </span>
            <input
              value={confirmTitle}
              onChange={(event) => setConfirmTitle(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          <button type="submit" className="danger-button" disabled={busy || confirmTitle !== board.title}>
            Delete board
          </button>
        </form>
      ) : null}
      <Problem message={problem} />
    </section>
  );
}
