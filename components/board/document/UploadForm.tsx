"use client";
// Uploads a .txt, .html or .pdf file as the document's next version, with a progress bar while the file
// goes up and the server's own words when it refuses one (too large, encrypted, not a document...).
import { useId, useState } from "react";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import styles from "./document.module.css";
import { uploadVersion } from "./upload-version";

type Props = { slug: string; sourceId: string; basedOnVersion: number; onUploaded: () => void };

export function UploadForm({ slug, sourceId, basedOnVersion, onUploaded }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();

  const upload = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setProblem(null);
    setProgress(0);
    const outcome = await uploadVersion({ slug, sourceId, file, basedOnVersion, onProgress: setProgress });
    setProgress(null);
    if (!outcome.ok) {
      setProblem(describeFailure(outcome.error));
      return;
    }
    onUploaded();
  };

  return (
    <form className={styles.form} onSubmit={upload} aria-label="Upload a new version">
      <label htmlFor={inputId}>A file as the next version (.txt, .html or .pdf, at most 5 MiB)</label>
      <input
        id={inputId}
        type="file"
        accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      {progress !== null ? (
        <div>
          <progress className={styles.progress} max={1} value={progress} aria-label="Upload progress" />
          <span className="muted">
            {progress < 1 ? `${Math.round(progress * 100)} % sent` : "Reading the document…"}
          </span>
        </div>
      ) : null}
      <Problem message={problem} />
      <div>
        <button type="submit" disabled={!file || progress !== null}>
          Send the file
        </button>
      </div>
    </form>
  );
}
