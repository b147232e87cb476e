// Security headers for every response. Pages get a Content-Security-Policy with a per-request nonce
// (Next reads it from the request's CSP header and puts it on its own scripts); no 'unsafe-eval'
// outside development, where Next's hot reloader needs it.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export function setSecurityHeaders(res: ServerResponse, options: { https: boolean }): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (options.https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Charts (Recharts) and React set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Gives a page request its CSP: on the response, and on the request for Next to find the nonce. */
export function applyPageCsp(req: IncomingMessage, res: ServerResponse, options: { dev: boolean }): void {
  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"), options);
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}
