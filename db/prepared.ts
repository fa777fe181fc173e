import type { Db } from "./index";

const cache = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement built and prepared once per connection: on the signing path, building the SQL and having
 * SQLite compile it again for every request cost more than running it.
 */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  if (!statements.has(key)) statements.set(key, build(db));
  return statements.get(key) as T;
}
