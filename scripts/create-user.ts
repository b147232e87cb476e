// `npm run user:create -- --email EMAIL --name "NAME" [--board "BOARD TITLE"]`
// Creates an analyst (the password is asked for, or read from WATCHFLOOR_PASSWORD) and, with --board,
// a new board that the analyst owns. This is how a real DATABASE_URL gets its first owner.
import { parseArgs } from "node:util";
import { createBoard } from "../server/boards/create-board";
import { AppError } from "../server/errors";
import { NO_WRITE_LIMIT } from "../server/limits/write-limiter";
import { acceptInvitations } from "../server/members/accept-invitations";
import { createUser } from "../server/users/create-user";
import { fail, withCliContext } from "./cli-context";
import { askHidden } from "./prompt";

// A one-off command has no sockets to notify and no reason to rate-limit itself.
const NO_LIVE_PATH = { publish: () => {}, alert: () => {}, evict: async () => {}, seen: () => {} };

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, board: { type: "string" } },
});
if (!values.email || !values.name) {
  fail('Usage: npm run user:create -- --email analyst@example.org --name "Full Name" [--board "Board title"]');
}

const password = process.env.WATCHFLOOR_PASSWORD ?? (await askHidden("Password (10+ characters): "));
if (!process.env.WATCHFLOOR_PASSWORD && (await askHidden("Repeat the password: ")) !== password) {
  fail("The passwords differ; nothing was created.");
}

await withCliContext(async ({ database, auth }) => {
  try {
    const user = await createUser({ auth, input: { email: values.email, name: values.name, password } });
    console.log(`Created ${user.name} <${user.email}>.`);
    const joined = await acceptInvitations({ domain: { db: database.db, effects: NO_LIVE_PATH }, user });
    if (joined) console.log(`Joined ${joined} board(s) ${user.email} was invited to.`);
    if (values.board) {
      const board = await createBoard({
        domain: { db: database.db, limiter: NO_WRITE_LIMIT },
        actor: user,
        input: { title: values.board },
      });
      console.log(`Created board /boards/${board.slug}, owned by ${user.email}.`);
    }
  } catch (error) {
    if (error instanceof AppError) {
      const details = error.issues?.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
      fail(details ? `${error.message}:\n${details}` : error.message);
    }
    throw error;
  }
});
