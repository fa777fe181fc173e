import type { Tx } from "./index";
import { delegationDocuments, delegationMembers, delegations, dispatches, documents, documentTexts } from "./schema";
import type { Locale } from "@/lib/i18n/locales";
import { seedDelegation, seedDocuments } from "./seed-content";

/** Seeds the Moscow Trials Campaign into a database that has no documents yet; never overwrites edits. */
export async function seedDatabase(transaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>): Promise<void> {
  await transaction(async (tx) => {
    if ((await tx.select({ id: documents.id }).from(documents).limit(1)).length > 0) return;
    const { members, dispatches: posts, ...delegation } = seedDelegation;
    const [{ id: delegationId }] = await tx.insert(delegations).values(delegation).returning({ id: delegations.id });
    for (const [position, { texts, ...document }] of seedDocuments.entries()) {
      const [{ id: documentId }] = await tx.insert(documents).values(document).returning({ id: documents.id });
      const rows = (Object.keys(texts) as Locale[]).map((locale) => ({
        documentId,
        version: 1,
        locale,
        ...texts[locale]!,
      }));
      await tx.insert(documentTexts).values(rows);
      await tx.insert(delegationDocuments).values({ delegationId, documentId, position });
    }
    await tx
      .insert(delegationMembers)
      .values(members.map((member, position) => ({ delegationId, position, ...member })));
    if (posts.length > 0) await tx.insert(dispatches).values(posts.map((post) => ({ delegationId, ...post })));
  });
}
