"use client";
// Imports figures from a CSV file (columns in docs/csv.md). All or nothing: a file with a bad row
// writes nothing and lists every problem with its line number.
import { useState } from "react";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";

type ImportReport = { imported: number };
type RowProblem = { path: (string | number)[]; message: string };

export function ImportObservations({ slug }: { slug: string }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rows, setRows] = useState<RowProblem[]>([]);

  const upload = async (file: File) => {
    setBusy(true);
    setResult(null);
    setProblem(null);
    setRows([]);
    try {
      const response = await fetch(`/api/boards/${slug}/import/observations.csv`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: await file.text(),
      });
      const body = await response.json();
      if (response.ok) setResult(`Imported ${(body as ImportReport).imported} figures from ${file.name}.`);
      else {
        setProblem(describeFailure({ ...body.error, issues: undefined }));
        setRows(body.error.issues ?? []);
      }
    } catch {
      setProblem("The file could not be sent.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-observations">
      <label className="link-button">
        {busy ? "Importing…" : "Import figures (CSV)"}
        <input
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
            event.target.value = "";
          }}
        />
      </label>
      {result ? <p className="muted">{result}</p> : null}
      <Problem message={problem} />
      {rows.length ? (
        <ol className="import-report" aria-label="Problems in the file">
          {rows.slice(0, 50).map((row) => (
            <li key={`${row.path.join(":")}-${row.message}`}>
              {row.path.join(", ")}: {row.message}
            </li>
          ))}
          {rows.length > 50 ? <li>… and {rows.length - 50} more</li> : null}
        </ol>
      ) : null}
    </div>
  );
}
