import { parseArgs } from "node:util";
import { type KillTestResult, runKillTest } from "../tests/support/kill-harness";
import { scratchDatabase } from "./support/scratch-database";

const { values } = parseArgs({
  options: {
    writers: { type: "string", default: "6" },
    watchers: { type: "string", default: "4" },
    kills: { type: "string", default: "5" },
    "seconds-per-round": { type: "string", default: "6" },
    "in-flight": { type: "string", default: "3" },
  },
});

const positive = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number, got ${values[name]}`);
  return value;
};

function describeResult(result: KillTestResult): string {
  const verdict = result.problems.length === 0 ? "PASS" : `FAIL (${result.problems.length} problems)`;
  return (
    `kill test ${verdict}: ${result.kills} SIGKILLs, ${result.sent} writes sent, ${result.acked} acked ` +
    `(${result.resentWrites} resent ${result.resends} times; ${result.inDoubtAtKills} unacknowledged at the kills, ` +
    `${result.inDoubtCommitted} of them already committed), ${result.lost} lost, ${result.duplicates} duplicates, ` +
    `${result.watchersEqual}/${result.watchers} watcher digests equal the database's at seq ${result.lastSeq}, ` +
    `${(result.durationMs / 1000).toFixed(1)} s`
  );
}

const database = await scratchDatabase();
let result: KillTestResult;
try {
  result = await runKillTest({
    databaseUrl: database.url,
    writers: positive("writers"),
    watchers: positive("watchers"),
    kills: positive("kills"),
    stormMsPerRound: positive("seconds-per-round") * 1000,
    inFlightPerWriter: positive("in-flight"),
    log: (message) => console.error(message),
  });
} finally {
  await database.dispose();
}
console.log(JSON.stringify(result, null, 2));
console.log(describeResult(result));
process.exit(result.problems.length === 0 ? 0 : 1);
