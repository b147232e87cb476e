"use client";
// The source of a figure and its NATO Admiralty grade — reliability of the source (A–F), credibility of
// the information (1–6) — as form fields, shared by adding and editing figures; the grade alone also
// grades an event (issue 15).
import type { WireSource } from "@/lib/schemas/board";

export const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
export type Reliability = (typeof RELIABILITY)[number];
const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

type Props = {
  sources: WireSource[];
  sourceId: string;
  reliability: Reliability | "";
  credibility: string;
  onSourceId: (sourceId: string) => void;
  onReliability: (reliability: Reliability | "") => void;
  onCredibility: (credibility: string) => void;
};

export function SourceAndGrade({
  sources,
  sourceId,
  reliability,
  credibility,
  onSourceId,
  onReliability,
  onCredibility,
}: Props) {
  return (
    <>
      <label>
        Source
        <select value={sourceId} onChange={(e) => onSourceId(e.target.value)}>
          <option value="">—</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.title}
            </option>
          ))}
        </select>
      </label>
      <AdmiraltyGrade
        reliability={reliability}
        credibility={credibility}
        onReliability={onReliability}
        onCredibility={onCredibility}
      />
    </>
  );
}

type GradeProps = Pick<Props, "reliability" | "credibility" | "onReliability" | "onCredibility">;

/** The two selects of an Admiralty grade, each with "?" for not graded. */
export function AdmiraltyGrade({ reliability, credibility, onReliability, onCredibility }: GradeProps) {
  return (
    <>
      <label>
        Reliability
        <select value={reliability} onChange={(e) => onReliability(e.target.value as Reliability | "")}>
          <option value="">?</option>
          {RELIABILITY.map((grade) => (
            <option key={grade}>{grade}</option>
          ))}
        </select>
      </label>
      <label>
        Credibility
        <select value={credibility} onChange={(e) => onCredibility(e.target.value)}>
          <option value="">?</option>
          {CREDIBILITY.map((grade) => (
            <option key={grade}>{grade}</option>
          ))}
        </select>
      </label>
    </>
  );
}
