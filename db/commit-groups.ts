import type { Tx } from "./index";

type Work = (tx: Tx) => Promise<unknown>;
type Waiting = { work: Work; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for the one SQLite connection: the writes that ask for a transaction in the same turn of
 * the event loop share one BEGIN … COMMIT. On SQLite the commit (writing the pages to the WAL) costs more
 * than a signature's inserts; in a surge, many signatures arrive per turn and pay for one commit between them.
 *
 * Each write still sees and does exactly what it would alone: it runs after the ones before it, and a write
 * that throws rejects with its own error, none of its changes kept. The writes first run one after another
 * straight on the group's transaction; if one throws, that transaction is rolled back and the group runs
 * again, each write in a savepoint of its own (a savepoint costs two statements, which most groups never
 * need). So a write may run twice, the first time rolled back: it must do nothing but database work.
 * Every caller hears of its outcome only once the commit is done, so nothing is answered before it is on
 * disk; if the transaction fails (BEGIN or COMMIT), every write of the group rejects with that error.
 */
export function commitGroups(runTransaction: (work: (tx: Tx) => Promise<void>) => Promise<void>, maxSize = 64) {
  let waiting: Waiting[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const group = waiting.slice(0, maxSize);
    waiting = waiting.slice(maxSize);
    if (waiting.length > 0) schedule();
    runTogether(group);
  }

  function runTogether(group: Waiting[]): void {
    const values: unknown[] = [];
    let aWriteFailed = false;
    runTransaction(async (tx) => {
      for (const { work } of group) {
        try {
          values.push(await work(tx));
        } catch (error) {
          aWriteFailed = true;
          throw error;
        }
      }
    }).then(
      () => group.forEach(({ resolve }, index) => resolve(values[index])),
      (error: unknown) => (aWriteFailed ? runInSavepoints(group) : group.forEach(({ reject }) => reject(error))),
    );
  }

  function runInSavepoints(group: Waiting[]): void {
    const outcomes: Outcome[] = [];
    const requeue = () => {
      const unrun = group.slice(outcomes.length);
      if (unrun.length === 0) return;
      waiting = [...unrun, ...waiting];
      if (!scheduled) schedule();
    };
    runTransaction(async (tx) => {
      for (const { work } of group) {
        try {
          outcomes.push({ ok: true, value: await tx.transaction(work) });
        } catch (error) {
          outcomes.push({ ok: false, error });
          // Some errors (a full disk, an I/O error) end SQLite's transaction outright; a later write would
          // then run on its own and be committed whatever the group's outcome. The rest wait for the next group.
          break;
        }
      }
    }).then(
      () => {
        outcomes.forEach((outcome, index) => {
          if (outcome.ok) group[index].resolve(outcome.value);
          else group[index].reject(outcome.error);
        });
        requeue();
      },
      (error: unknown) => group.forEach(({ reject }) => reject(error)),
    );
  }

  function schedule(): void {
    scheduled = true;
    setImmediate(flush);
  }

  return function inGroup<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!scheduled) schedule();
    });
  };
}
