// Prisma CLI configuration. The URL matters only to CLI commands that talk to a database
// (`prisma migrate status` on a machine that has the schema engine); `prisma generate` ignores it.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/watchfloor" },
});
