// `npm start`: build the pages if needed, then run the production server (embedded PostgreSQL unless
// DATABASE_URL is set). Signals are passed on so the server shuts down cleanly.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfStale } from "./build-if-stale.js";

const root = path.resolve(import.meta.dirname, "..");
buildIfStale();
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server/index.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
