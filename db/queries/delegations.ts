import { asc, eq, inArray } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/index";
import {
  delegationDocuments,
  delegationMembers,
  delegations,
  deliveries,
  dispatches,
  documents,
  updates,
  type Delegation,
  type Translated,
} from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { listMembers } from "./delegation-members";
import { getLocalizedDocumentById, type LocalizedDocument } from "./documents";

/** One language's text of a translated record, English where that language has none. */
export function inLocale<T>(texts: Translated<T>, locale: Locale): T {
  return texts[locale] ?? texts.en;
}

export async function getFeaturedDelegation() {
  return getDb().select().from(delegations).orderBy(delegations.id).limit(1).then(first);
}

export async function listDelegations() {
  return getDb().select().from(delegations).orderBy(delegations.id);
}

export async function getDelegationBySlug(slug: string) {
  return getDb().select().from(delegations).where(eq(delegations.slug, slug)).then(first);
}

/** The published documents the delegation carries, in its order, with their live counts. */
export async function listCarriedDocuments(delegationId: number, locale: Locale) {
  const links = await getDb()
    .select({ documentId: delegationDocuments.documentId })
    .from(delegationDocuments)
    .where(eq(delegationDocuments.delegationId, delegationId))
    .orderBy(asc(delegationDocuments.position));
  const carried = await Promise.all(links.map((link) => getLocalizedDocumentById(link.documentId, locale)));
  return carried.filter(
    (document): document is LocalizedDocument => document !== undefined && document.status !== "draft",
  );
}

export type DelegationTexts = Delegation["texts"];

export async function updateDelegationTexts(id: number, texts: DelegationTexts) {
  const updated = await getDb()
    .update(delegations)
    .set({ texts })
    .where(eq(delegations.id, id))
    .returning({ id: delegations.id });
  return updated.length;
}

/** A new delegation, with its story; `null` when the slug is taken. */
export async function createDelegation(slug: string, texts: DelegationTexts) {
  return transaction(async (tx) => {
    const taken = await tx
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.slug, slug))
      .then(first);
    if (taken) return null;
    return tx
      .insert(delegations)
      .values({ slug, texts })
      .returning()
      .then(([row]) => row);
  });
}

export async function listCarriedDocumentIds(delegationId: number) {
  const rows = await getDb()
    .select({ documentId: delegationDocuments.documentId })
    .from(delegationDocuments)
    .where(eq(delegationDocuments.delegationId, delegationId))
    .orderBy(asc(delegationDocuments.position));
  return rows.map((row) => row.documentId);
}

/** The campaigns the delegation carries, in the order given; documents that do not exist are refused. */
export async function setCarriedDocuments(delegationId: number, documentIds: number[]) {
  return transaction(async (tx) => {
    const unique = [...new Set(documentIds)];
    if (unique.length > 0) {
      const known = await tx.select({ id: documents.id }).from(documents).where(inArray(documents.id, unique));
      if (known.length !== unique.length) return false;
    }
    await tx.delete(delegationDocuments).where(eq(delegationDocuments.delegationId, delegationId));
    for (const [position, documentId] of unique.entries()) {
      await tx.insert(delegationDocuments).values({ delegationId, documentId, position });
    }
    return true;
  });
}

/** The delegations that carry a document, each with its title in this language and its members' names in order. */
export async function listDelegationsCarrying(documentId: number, locale: Locale) {
  const rows = await getDb()
    .select({ id: delegations.id, texts: delegations.texts })
    .from(delegationDocuments)
    .innerJoin(delegations, eq(delegations.id, delegationDocuments.delegationId))
    .where(eq(delegationDocuments.documentId, documentId))
    .orderBy(asc(delegations.id));
  return Promise.all(
    rows.map(async (row) => ({
      title: inLocale(row.texts, locale).title,
      members: (await listMembers(row.id)).map((member) => member.name),
    })),
  );
}

/** What deleting a delegation would take with it, and what keeps it: deliveries and updates are records. */
export async function delegationFootprint(delegationId: number) {
  const db = getDb();
  const [members, dispatchCount, deliveryCount, updateCount] = await Promise.all([
    db.$count(delegationMembers, eq(delegationMembers.delegationId, delegationId)),
    db.$count(dispatches, eq(dispatches.delegationId, delegationId)),
    db.$count(deliveries, eq(deliveries.delegationId, delegationId)),
    db.$count(updates, eq(updates.delegationId, delegationId)),
  ]);
  return { members, dispatches: dispatchCount, deliveries: deliveryCount, updates: updateCount };
}

/**
 * Deletes a delegation with its members, dispatches and the list of what it carries (the campaigns
 * themselves stay). Refused (false) while it has recorded deliveries or updates addressed through it: those
 * are the public and the signers' record of what was done, and outlive it.
 */
export async function deleteDelegation(delegationId: number): Promise<boolean> {
  return transaction(async (tx) => {
    const [delivered] = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(eq(deliveries.delegationId, delegationId))
      .limit(1);
    const [addressed] = await tx
      .select({ id: updates.id })
      .from(updates)
      .where(eq(updates.delegationId, delegationId))
      .limit(1);
    if (delivered || addressed) return false;
    await tx.delete(delegationMembers).where(eq(delegationMembers.delegationId, delegationId));
    await tx.delete(dispatches).where(eq(dispatches.delegationId, delegationId));
    await tx.delete(delegationDocuments).where(eq(delegationDocuments.delegationId, delegationId));
    const removed = await tx
      .delete(delegations)
      .where(eq(delegations.id, delegationId))
      .returning({ id: delegations.id });
    return removed.length > 0;
  });
}
