// `npm start`: build the pages if needed, then run the production server in this same process
// (embedded PostgreSQL unless DATABASE_URL is set). One process means one signal handler: Ctrl-C
// reaches the server exactly once and it shuts down in order.
import { register } from "tsx/esm/api";
import { buildIfStale } from "./build-if-stale.js";

buildIfStale();
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
register();
await import("../server/index.ts");
