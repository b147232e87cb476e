// `npm run db:migrate`: applies prisma/migrations to the configured database (the server also does
// this on every start). Same records as `prisma migrate deploy`.
import { withCliContext } from "./cli-context";

await withCliContext(async ({ database }) => {
  console.log(`Database at ${new URL(database.url).host} is migrated to the latest schema.`);
});
