// JSON requests to the /api routes from the browser, and the one way their failures are put into words.
import type { WireError } from "@/lib/errors";

export type ApiOutcome<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: WireError };

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * Sends a request (bodies as JSON) and reads the JSON answer. An expired session sends the analyst to
 * sign in and come back to this page; the caller still gets the failure.
 */
export async function apiRequest<T>(
  path: string,
  options: { method?: Method; body?: unknown } = {},
): Promise<ApiOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers: { "content-type": "application/json" },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    return { ok: false, status: 0, error: { code: "UNAVAILABLE", message: "The server could not be reached" } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, body: body as T };
  if (response.status === 401) {
    const here = window.location.pathname + window.location.search;
    window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
  }
  const error = (body as { error?: WireError } | null)?.error;
  return {
    ok: false,
    status: response.status,
    error: error ?? { code: "INTERNAL", message: `The server answered ${response.status}` },
  };
}

/** "The request is not valid: title — a title is required"; waits spelled out for RATE_LIMITED. */
export function describeFailure(error: WireError): string {
  if (error.code === "RATE_LIMITED" && error.retryAfterMs !== undefined) {
    return `${error.message} (try again in ${Math.max(1, Math.ceil(error.retryAfterMs / 1000))} s)`;
  }
  if (!error.issues?.length) return error.message;
  const issues = error.issues.map((issue) =>
    issue.path.length ? `${issue.path.join(".")} — ${issue.message}` : issue.message,
  );
  return `${error.message}: ${issues.join("; ")}`;
}
