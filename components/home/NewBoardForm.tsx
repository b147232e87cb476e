"use client";
// Opens a board for a new crisis; the analyst becomes its owner and lands on it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LIMITS } from "@/lib/schemas/common";
import { apiRequest, describeFailure } from "../ui/api-request";
import { Problem } from "../ui/Problem";

export function NewBoardForm() {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(null);
    const outcome = await apiRequest<{ id: string; slug: string }>("/api/boards", {
      method: "POST",
      body: { title: String(form.get("title") ?? ""), description: String(form.get("description") ?? "") },
    });
    if (outcome.ok) return router.push(`/boards/${outcome.body.slug}`);
    setBusy(false);
    setProblem(describeFailure(outcome.error));
  };

  return (
    <form className="new-board" onSubmit={onSubmit} aria-labelledby="new-board-heading" data-testid="new-board-form">
      <h2 id="new-board-heading">New board</h2>
      <div className="new-board-fields">
        <label className="new-board-title">
          Title
          <input name="title" required maxLength={LIMITS.title} placeholder="e.g. Sahel coup watch" />
        </label>
        <label className="new-board-description">
          <span>
            Description <span className="muted">(optional)</span>
          </span>
          <input name="description" maxLength={LIMITS.description} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create board"}
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
