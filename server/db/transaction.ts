// The client handed to code running inside an interactive transaction.
import type { Prisma } from "./generated/client";

export type TransactionClient = Prisma.TransactionClient;
