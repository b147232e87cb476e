// `npm run seed:demo`: writes the demo board and its three demo analysts (published password!) into
// the configured database. Runs by itself only on the embedded database; here it is on demand.
import { DEMO_SEED_LOCK, withAdvisoryLock } from "../server/db/advisory-lock";
import { DEMO_PASSWORD, seedDemoBoard } from "../server/seed/seed-demo-board";
import { withCliContext } from "./cli-context";

await withCliContext(async ({ database, auth }) => {
  const result = await withAdvisoryLock(database.url, DEMO_SEED_LOCK, () => seedDemoBoard({ db: database.db, auth }));
  console.log(
    result.seeded
      ? `Demo board /boards/${result.boardSlug} created. Sign in as alice@watchfloor.test, bob@… or carol@… with "${DEMO_PASSWORD}".`
      : `The demo board /boards/${result.boardSlug} already exists; nothing changed.`,
  );
});
