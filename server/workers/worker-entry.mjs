// The module every worker thread loads. Workers run plain Node, without the TypeScript loader the main
// thread may have (scripts/start.js, vitest, `node --import tsx`), so the entry registers tsx itself
// (with the project's tsconfig, for the "@/" paths) before it imports the task table.
import { register } from "tsx/esm/api";

register();
const { runTask } = await import("./run-task.ts");

export default runTask;
