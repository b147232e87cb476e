// The board's assessments for the deck dialog, fetched when it opens (the charts panel holds only the
// annotations on indicators): the annotations list of GET /api/boards/:slug/annotations, kind assessment.
import { useEffect, useState } from "react";
import type { WireAnnotation } from "@/lib/schemas/annotation";

export type AssessmentsState =
  | { status: "loading" }
  | { status: "ready"; assessments: WireAnnotation[] }
  | { status: "failed"; message: string };

export function useBoardAssessments(slug: string, open: boolean): AssessmentsState {
  const [state, setState] = useState<AssessmentsState>({ status: "loading" });
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setState({ status: "loading" });
    fetch(`/api/boards/${encodeURIComponent(slug)}/annotations`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        const { annotations } = (await response.json()) as { annotations: WireAnnotation[] };
        setState({
          status: "ready",
          assessments: annotations.filter((annotation) => annotation.kind === "assessment"),
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "failed", message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [slug, open]);
  return state;
}
