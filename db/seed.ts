import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { delegations, documents } from "./schema";
import type * as schema from "./schema";
import { seedDelegation, seedDocuments } from "./seed-content";

/** Seeds the Moscow Trials Campaign into a database that has no documents yet; never overwrites edits. */
export function seedDatabase(db: BetterSQLite3Database<typeof schema>): void {
  db.transaction(
    (tx) => {
      if (tx.select({ id: documents.id }).from(documents).limit(1).get()) return;
      tx.insert(documents).values(seedDocuments).run();
      tx.insert(delegations).values(seedDelegation).run();
    },
    { behavior: "immediate" },
  );
}
