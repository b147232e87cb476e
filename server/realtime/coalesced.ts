// A task asked for in bursts, run at most once more per burst: the first request runs it at once; the
// requests made while it runs, or within `quietMs` of its end, are answered together by one more run
// when that time is up. Never dropped — a request in a burst may need what the run before it missed.

export function coalesced(run: () => Promise<void>, quietMs: number): () => void {
  /** Running, or within quietMs of the end of the last run. */
  let busy = false;
  let requestedMeanwhile = false;
  const start = () => {
    busy = true;
    requestedMeanwhile = false;
    run()
      .catch(() => {}) // the task reports its own failures; a failed run still ends the burst's wait
      .finally(() => {
        // unref: a run still owed does not keep a stopping process alive.
        setTimeout(() => {
          busy = false;
          if (requestedMeanwhile) start();
        }, quietMs).unref();
      });
  };
  return () => {
    if (busy) requestedMeanwhile = true;
    else start();
  };
}
