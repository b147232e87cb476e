// The module every worker thread loads. Workers run plain Node, without the TypeScript loader the main
// thread may have (scripts/start.js, vitest, `node --import tsx`), so the entry registers tsx itself,
// with the project's tsconfig named outright (its "@/" paths), whatever the working directory, before
// it imports the task table.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { runTask } = await import("./run-task.ts");

export default runTask;
