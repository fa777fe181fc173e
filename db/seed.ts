import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { delegationDocuments, delegationMembers, delegations, dispatches, documents, documentTexts } from "./schema";
import type { Locale } from "@/lib/i18n/locales";
import type * as schema from "./schema";
import { seedDelegation, seedDocuments } from "./seed-content";

/** Seeds the Moscow Trials Campaign into a database that has no documents yet; never overwrites edits. */
export function seedDatabase(db: BetterSQLite3Database<typeof schema>): void {
  db.transaction(
    (tx) => {
      if (tx.select({ id: documents.id }).from(documents).limit(1).get()) return;
      const { members, dispatches: posts, ...delegation } = seedDelegation;
      const delegationId = tx.insert(delegations).values(delegation).returning().get().id;
      seedDocuments.forEach(({ texts, ...document }, position) => {
        const documentId = tx.insert(documents).values(document).returning().get().id;
        const rows = (Object.keys(texts) as Locale[]).map((locale) => ({
          documentId,
          version: 1,
          locale,
          ...texts[locale]!,
        }));
        tx.insert(documentTexts).values(rows).run();
        tx.insert(delegationDocuments).values({ delegationId, documentId, position }).run();
      });
      members.forEach((member, position) =>
        tx
          .insert(delegationMembers)
          .values({ delegationId, position, ...member })
          .run(),
      );
      for (const post of posts)
        tx.insert(dispatches)
          .values({ delegationId, ...post })
          .run();
    },
    { behavior: "immediate" },
  );
}
