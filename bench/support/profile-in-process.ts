// For scenarios that time work in the bench's own process (no Watchfloor server to start with --cpu-prof):
// with bench/run.ts --profile, one more run of the work under the inspector, written where run.ts
// summarizes the profiles of each scenario.
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";

export async function profileInProcess(name: string, work: () => unknown): Promise<void> {
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  if (!dir) return;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  await work();
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const stamp = new Date().toISOString().replace(/\D/g, "");
  const file = `CPU.${stamp.slice(0, 8)}.${stamp.slice(8, 14)}.${process.pid}.0.${name}.cpuprofile`;
  await writeFile(path.join(dir, file), JSON.stringify(profile));
}
