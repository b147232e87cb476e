// Creates an analyst with an email + password account (better-auth's credential account).
import { z } from "zod";
import { ZText } from "@/lib/schemas/common";
import type { Actor } from "../actor";
import type { Auth } from "../auth/create-auth";
import { AppError, parseInput } from "../errors";

export const ZUserCreate = z.strictObject({
  email: z.email().transform((email) => email.toLowerCase()),
  name: ZText.trim().min(1).max(200),
  password: z.string().min(10, "a password has at least 10 characters").max(128),
});

export async function createUser(options: { auth: Auth; input: unknown }): Promise<Actor> {
  const input = parseInput(ZUserCreate, options.input);
  const context = await options.auth.$context;
  if (await context.internalAdapter.findUserByEmail(input.email)) {
    throw new AppError("CONFLICT", `An account for ${input.email} already exists`);
  }
  const user = await context.internalAdapter.createUser(
    { email: input.email, name: input.name, emailVerified: true },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await context.password.hash(input.password),
  });
  return { id: user.id, name: user.name, email: user.email };
}
