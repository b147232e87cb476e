// better-auth: email + password sign-in, sessions in PostgreSQL through Prisma.
import { prismaAdapter } from "@better-auth/prisma-adapter";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Database } from "../db/client";
import { takeToken } from "../limits/token-bucket";
import type { Logger } from "../logger";
import { authDatabase } from "./auth-database";

export type Auth = ReturnType<typeof createAuth>;

/**
 * The client's socket address, set by our HTTP handler on every auth request (any value the client
 * sent is overwritten), so throttling is per address rather than one bucket shared by everyone.
 */
export const CLIENT_ADDRESS_HEADER = "x-watchfloor-client-address";

export function createAuth(options: {
  db: Database;
  secret: string;
  baseURL: string;
  secureCookies: boolean;
  signInAttemptsPerMinute: number;
  logger: Logger;
}) {
  const log = options.logger.child({ module: "auth" });
  return betterAuth({
    appName: "Watchfloor",
    baseURL: options.baseURL,
    secret: options.secret,
    database: prismaAdapter(authDatabase(options.db), { provider: "postgresql" }),
    // Accounts are made by an owner (`npm run user:create`, invitations); there is no public sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Same-origin requests are trusted whatever host name the analyst typed (localhost, 127.0.0.1, a LAN name).
    trustedOrigins: (request) => [options.baseURL, request ? originOf(request) : undefined],
    // Throttled per client address, with the counters in Postgres so every node sees the same ones.
    rateLimit: {
      enabled: options.signInAttemptsPerMinute > 0,
      storage: "database",
      window: 60,
      max: 600,
      customRules: { "/sign-in/email": { window: 60, max: options.signInAttemptsPerMinute } },
    },
    // …and per account, whatever address the attempts come from.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const perMinute = options.signInAttemptsPerMinute;
        if (ctx.path !== "/sign-in/email" || perMinute <= 0) return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
        const { waitMs } = await takeToken(options.db, `sign-in:${email}`, {
          ratePerSec: perMinute / 60,
          burst: perMinute,
        });
        if (waitMs > 0) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: "Too many sign-in attempts for this account; wait a moment",
          });
        }
      }),
    },
    advanced: {
      useSecureCookies: options.secureCookies,
      cookiePrefix: "watchfloor",
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message, ...args) => log[level]({ details: args }, message),
    },
  });
}

function originOf(request: Request): string | undefined {
  const host = request.headers.get("host");
  if (!host) return undefined;
  const protocol =
    request.headers.get("x-forwarded-proto") === "https" ? "https" : new URL(request.url).protocol.slice(0, -1);
  return `${protocol}://${host}`;
}
