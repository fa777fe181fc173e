import type { Executor } from "./index";

type Session = object;
const queriesBySession = new WeakMap<Session, Map<unknown, unknown>>();

/**
 * A query built once and kept, its values filled in per call through `sql.placeholder`: Drizzle takes
 * longer to build a statement's SQL than SQLite takes to run it, and the signing and confirming paths run
 * a dozen statements a request. Kept per database session: on SQLite a transaction shares the database's
 * one session (one connection), so a query built once serves every transaction of the process; on
 * PostgreSQL a transaction has a session (a pooled client) of its own, so there it is built once per
 * transaction and runs on that transaction's client. `build` must be a module-level function: it is the key.
 *
 * Placeholders in a condition (`eq(column, sql.placeholder(…))`) are passed to the driver as they are, so
 * give them driver values (a Date as its milliseconds); in `values()` and `set()` the column converts them.
 */
export function prepared<Query>(executor: Executor, build: (db: Executor) => Query): Query {
  const session = (executor as unknown as { session: Session }).session;
  let queries = queriesBySession.get(session);
  if (!queries) queriesBySession.set(session, (queries = new Map()));
  let query = queries.get(build) as Query | undefined;
  if (!query) queries.set(build, (query = build(executor)));
  return query;
}
