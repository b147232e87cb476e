// The worker module of the pool tests: the production task table plus tasks that hold, crash or hang
// (worker-test-tasks.ts). Registers tsx as server/workers/worker-entry.mjs does.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { runTestTask } = await import("./worker-test-tasks.ts");

export default runTestTask;
