// `npm start`: run the production server in this same process (embedded PostgreSQL unless DATABASE_URL
// is set). One process means one signal handler: Ctrl-C reaches the server exactly once and it shuts
// down in order.
//
// The pages must have been built from the sources in this tree. A development checkout (the README's
// `npm install && npm start`) builds them when needed. A production install — NODE_ENV=production, or
// the dev dependencies pruned away — never builds at start: a container that rebuilt on every start
// would start slowly, differently each time, and without the tools to do it; it refuses instead.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { register } from "tsx/esm/api";
import { buildIfStale, pageBuildState } from "./build-if-stale.js";

const root = path.resolve(import.meta.dirname, "..");
// `npm prune --omit=dev` keeps a dev dependency that a runtime one names as a peer (TypeScript, for
// Prisma), so a pruned install is recognised by any dev dependency missing, not by one in particular.
const { devDependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const devDependenciesInstalled = Object.keys(devDependencies).every((name) =>
  existsSync(path.join(root, "node_modules", name, "package.json")),
);
const productionInstall = process.env.NODE_ENV === "production" || !devDependenciesInstalled;

if (productionInstall) {
  const state = pageBuildState();
  if (state !== "current") {
    console.error(
      state === "missing"
        ? "Watchfloor has no build of its pages here. Run `npm run build` (with the dev dependencies installed) before `npm start`."
        : "The build in .next was made from other sources than the ones in this tree. Run `npm run build` again before `npm start`.",
    );
    process.exit(1);
  }
} else {
  buildIfStale();
}

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
register();
await import("../server/index.ts");
