// The pg client the pool opens: one whose query timed out (DATABASE_QUERY_TIMEOUT_MS) ends its own
// connection at once. pg's read timeout only stops waiting: the query stays on the connection, and a
// transaction whose ROLLBACK timed out behind it would go back to the pool still open, so the next
// request to take that connection would write inside it (and a later COMMIT commit what its client was
// told had failed). Ending the connection makes the server roll back whatever it held, whenever it
// answers again; the pool opens a fresh one.
import pg from "pg";

const READ_TIMEOUT = "Query read timeout";

type Query = (...args: unknown[]) => unknown;

export class ClientEndedOnTimeout extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // An own property rather than an override: pg's query has a dozen typed overloads, and the pool
    // calls it with a callback while @prisma/adapter-pg awaits its promise; both are watched.
    const query = this.query.bind(this) as Query;
    const watched: Query = (...args) => {
      const last = args.at(-1);
      if (typeof last === "function") {
        args[args.length - 1] = (error: unknown, result: unknown) => {
          this.endIfTimedOut(error);
          return (last as (error: unknown, result: unknown) => unknown)(error, result);
        };
        return query(...args);
      }
      const answer = query(...args);
      if (answer instanceof Promise) answer.then(undefined, (error: unknown) => this.endIfTimedOut(error));
      return answer;
    };
    Object.defineProperty(this, "query", { value: watched, writable: true, configurable: true });
  }

  private endIfTimedOut(error: unknown): void {
    // With a query still running, end() destroys the socket instead of waiting for it.
    if (error instanceof Error && error.message === READ_TIMEOUT) this.end().catch(() => {});
  }
}
