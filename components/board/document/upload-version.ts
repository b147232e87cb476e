// Sends a file as a source's next version over HTTP (POST /api/boards/:slug/sources/:id/versions, the
// file as the body with its own Content-Type). XMLHttpRequest rather than fetch: only it reports how much
// of the body has gone, which is what a progress bar for a 5 MiB PDF needs.
import type { WireError } from "@/lib/errors";
import type { SourceReviseAnswer } from "@/lib/schemas/document";

export type UploadOutcome = { ok: true; answer: SourceReviseAnswer } | { ok: false; error: WireError };

/** The types the server reads; a file the browser cannot type is guessed from its name. */
const TYPE_BY_EXTENSION: Record<string, string> = {
  txt: "text/plain",
  text: "text/plain",
  md: "text/plain",
  html: "text/html",
  htm: "text/html",
  pdf: "application/pdf",
};

export function contentTypeOf(file: Pick<File, "name" | "type">): string {
  if (file.type) return file.type;
  const extension = file.name.split(".").at(-1)?.toLowerCase() ?? "";
  return TYPE_BY_EXTENSION[extension] ?? "application/octet-stream";
}

export function uploadVersion(options: {
  slug: string;
  sourceId: string;
  file: File;
  basedOnVersion: number;
  onProgress: (fraction: number) => void;
}): Promise<UploadOutcome> {
  const { slug, sourceId, file, basedOnVersion, onProgress } = options;
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open(
      "POST",
      `/api/boards/${encodeURIComponent(slug)}/sources/${encodeURIComponent(sourceId)}/versions?basedOnVersion=${basedOnVersion}`,
    );
    request.setRequestHeader("content-type", contentTypeOf(file));
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body: unknown = request.response;
      if (request.status >= 200 && request.status < 300) {
        resolve({ ok: true, answer: body as SourceReviseAnswer });
        return;
      }
      const error = (body as { error?: WireError } | null)?.error;
      resolve({ ok: false, error: error ?? { code: "INTERNAL", message: `The server answered ${request.status}` } });
    };
    request.onerror = () =>
      resolve({ ok: false, error: { code: "UNAVAILABLE", message: "The server could not be reached" } });
    request.send(file);
  });
}
