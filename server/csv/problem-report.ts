// The problems an import found: every one counted, the first few hundred listed, so that a file of
// 200,000 wrong rows answers with a readable report rather than megabytes of it.
import { type CsvLineError, OBSERVATION_CSV_LIMITS } from "@/lib/schemas/observation-csv";

export class ProblemReport {
  readonly listed: CsvLineError[] = [];
  problems = 0;
  rejectedRows = 0;
  /** A problem with the file as a whole (header, syntax, size): no row of it may be imported. */
  fatal: CsvLineError | null = null;

  rejectRow(errors: CsvLineError[]): void {
    this.rejectedRows++;
    this.list(errors);
  }

  stop(errors: CsvLineError[]): void {
    this.fatal ??= errors[0] ?? null;
    this.list(errors);
  }

  private list(errors: CsvLineError[]): void {
    this.problems += errors.length;
    const room = OBSERVATION_CSV_LIMITS.reportedErrors - this.listed.length;
    if (room > 0) this.listed.push(...errors.slice(0, room));
  }
}
