"use client";
// The client outbox: annotations written while the server cannot be reached wait here, in IndexedDB,
// so they survive a reload or a closed tab. Each keeps its client-generated id, so sending it again
// after an answer was lost is harmless (the server answers a repeated id with the first result).
import type { WireError } from "@/lib/errors";
import type { TAnnotationCreateInput } from "@/lib/schemas/annotation";

export type OutboxEntry = {
  id: string;
  boardId: string;
  userId: string;
  payload: TAnnotationCreateInput;
  /** pending: not yet acknowledged; failed: the server refused it (the reason is kept). */
  status: "pending" | "failed";
  error?: WireError;
  /**
   * Pending, and the last send was answered UNAVAILABLE ("waiting for the server"): what it said. Only
   * in the list shown, not stored: after a reload the note is plain pending until it is sent again.
   */
  waiting?: WireError;
  queuedAt: number;
};

const DATABASE = "watchfloor-outbox";
const STORE = "writes";

/** One connection for the tab, opened on first use: opening per write cost milliseconds per note. */
let connection: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database, or the browser closing it: open afresh next time.
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      db.onclose = () => {
        connection = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      connection = null;
      reject(request.error);
    };
  });
  return connection;
}

async function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(STORE, mode);
    } catch (error) {
      // A connection closed under us: the next use opens a new one.
      connection = null;
      throw error;
    }
    const request = use(transaction.objectStore(STORE));
    // Resolve on commit, not on the request: a write is only kept once its transaction completes.
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

export const outbox = {
  put: (entry: OutboxEntry) => withStore("readwrite", (store) => store.put(entry)).then(() => undefined),
  remove: (id: string) => withStore("readwrite", (store) => store.delete(id)).then(() => undefined),
  get: (id: string) => withStore<OutboxEntry | undefined>("readonly", (store) => store.get(id)),
  /** Writes over the record only if it is still there, read and write in one transaction (outbox-write.ts). */
  replace: (entry: OutboxEntry) =>
    withStore<IDBValidKey | undefined>("readwrite", (store) => {
      const found = store.getKey(entry.id);
      found.onsuccess = () => {
        if (found.result !== undefined) store.put(entry);
      };
      return found;
    }).then((key) => key !== undefined),
  /** This analyst's queued writes for this board, oldest first. */
  list: async (boardId: string, userId: string): Promise<OutboxEntry[]> => {
    const all = await withStore<OutboxEntry[]>("readonly", (store) => store.getAll() as IDBRequest<OutboxEntry[]>);
    return all
      .filter((entry) => entry.boardId === boardId && entry.userId === userId)
      .sort((a, b) => a.queuedAt - b.queuedAt);
  },
};
