// CPU and memory of another process, read from /proc (Linux) the way pidusage does, without a package.
import { readFileSync } from "node:fs";

export type ProcessUsage = { cpuPercent: number; rssMiB: number; peakRssMiB: number };

/** Linux's USER_HZ is 100 on every mainstream architecture; /proc/<pid>/stat counts in those ticks. */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15 of the full line)
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** Samples a process from now until `stop()`: average CPU % of one core over the span, RSS at the end and peak. */
export function watchProcess(pid: number, intervalMs = 200): { stop: () => ProcessUsage } {
  const began = { ticks: cpuTicks(pid), at: performance.now() };
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {
      // The process exited between samples; stop() reports what was seen.
    }
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      const seconds = (performance.now() - began.at) / 1000;
      const rss = rssMiB(pid);
      const cpuPercent = ((cpuTicks(pid) - began.ticks) / TICKS_PER_SECOND / seconds) * 100;
      return {
        cpuPercent: Math.round(cpuPercent),
        rssMiB: Math.round(rss),
        peakRssMiB: Math.round(Math.max(peak, rss)),
      };
    },
  };
}
