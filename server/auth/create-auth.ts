// better-auth: email + password sign-in, sessions in PostgreSQL through Prisma.
import { prismaAdapter } from "@better-auth/prisma-adapter";
import { betterAuth } from "better-auth";
import type { Database } from "../db/client";
import type { Logger } from "../logger";

export type Auth = ReturnType<typeof createAuth>;

export function createAuth(options: { db: Database; secret: string; baseURL: string; secureCookies: boolean; logger: Logger }) {
  const log = options.logger.child({ module: "auth" });
  return betterAuth({
    appName: "Watchfloor",
    baseURL: options.baseURL,
    secret: options.secret,
    database: prismaAdapter(options.db, { provider: "postgresql" }),
    // Accounts are made by an owner (`npm run user:create`, invitations); there is no public sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Same-origin requests are trusted whatever host name the analyst typed (localhost, 127.0.0.1, a LAN name).
    trustedOrigins: (request) => [options.baseURL, request ? originOf(request) : undefined],
    advanced: { useSecureCookies: options.secureCookies, cookiePrefix: "watchfloor" },
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
  const protocol = request.headers.get("x-forwarded-proto") === "https" ? "https" : new URL(request.url).protocol.slice(0, -1);
  return `${protocol}://${host}`;
}
