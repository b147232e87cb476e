// The gazetteer's index, built once per process on the first search (issue 16): in a worker thread, since
// reading 23 MB of GeoNames and sorting 400,000 names takes seconds the event loop owes live traffic.
// Searches that arrive meanwhile wait for the same build; a failed build is tried again by the next one.
import type { WorkerPool } from "../workers/create-worker-pool";
import { type GazetteerIndex, openGazetteerIndex } from "./gazetteer-index";

let loading: Promise<GazetteerIndex> | undefined;

export function loadGazetteer(workers: WorkerPool): Promise<GazetteerIndex> {
  loading ??= workers
    .run("gazetteer-index", {})
    .then((bytes) => openGazetteerIndex(bytes))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
