import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/index";
import {
  delegationDocuments,
  delegationMembers,
  delegations,
  deliveries,
  deliveryItems,
  dispatches,
  documents,
  dossiers,
  type Delegation,
  type Translated,
} from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
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

export async function listMembers(delegationId: number) {
  return getDb()
    .select()
    .from(delegationMembers)
    .where(eq(delegationMembers.delegationId, delegationId))
    .orderBy(asc(delegationMembers.position), asc(delegationMembers.id));
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

export async function listDispatches(delegationId: number) {
  return getDb()
    .select()
    .from(dispatches)
    .where(eq(dispatches.delegationId, delegationId))
    .orderBy(desc(dispatches.dated), desc(dispatches.id));
}

export type DispatchInput = Pick<typeof dispatches.$inferInsert, "dated" | "texts">;

export async function getDispatch(delegationId: number, dispatchId: number) {
  return getDb()
    .select()
    .from(dispatches)
    .where(and(eq(dispatches.id, dispatchId), eq(dispatches.delegationId, delegationId)))
    .then(first);
}

/** Rewrites a dispatch of this delegation; 0 when there is none by that id (removed meanwhile). */
export async function updateDispatch(delegationId: number, dispatchId: number, input: DispatchInput) {
  const updated = await getDb()
    .update(dispatches)
    .set({ dated: input.dated, texts: input.texts })
    .where(and(eq(dispatches.id, dispatchId), eq(dispatches.delegationId, delegationId)))
    .returning({ id: dispatches.id });
  return updated.length;
}

export async function deleteDispatch(delegationId: number, dispatchId: number) {
  const removed = await getDb()
    .delete(dispatches)
    .where(and(eq(dispatches.id, dispatchId), eq(dispatches.delegationId, delegationId)))
    .returning({ id: dispatches.id });
  return removed.length;
}

export async function createDispatch(delegation: Delegation, input: DispatchInput, author: string) {
  return getDb()
    .insert(dispatches)
    .values({ delegationId: delegation.id, ...input, author })
    .returning()
    .then(([row]) => row);
}

/** Deliveries, newest first, each with what was handed over and the fingerprint of each dossier. */
export async function listDeliveries(delegationId: number) {
  const db = getDb();
  const rows = await db
    .select()
    .from(deliveries)
    .where(eq(deliveries.delegationId, delegationId))
    .orderBy(desc(deliveries.deliveredOn), desc(deliveries.id));
  if (rows.length === 0) return [];
  const items = await db
    .select({
      deliveryId: deliveryItems.deliveryId,
      documentId: deliveryItems.documentId,
      signatureCount: deliveryItems.signatureCount,
      dossierId: dossiers.id,
      sha256: dossiers.sha256,
      bytes: dossiers.bytes,
    })
    .from(deliveryItems)
    .innerJoin(dossiers, eq(dossiers.id, deliveryItems.dossierId))
    .where(
      inArray(
        deliveryItems.deliveryId,
        rows.map((row) => row.id),
      ),
    );
  return rows.map((delivery) => ({ ...delivery, items: items.filter((item) => item.deliveryId === delivery.id) }));
}

export type DeliveryInput = {
  deliveredOn: string;
  place: string;
  recipient: string;
  items: { documentId: number; dossierId: number }[];
};

/**
 * Records a delivery. Each item names a finished dossier of that document: its signature count is the
 * count delivered, and the dossier is frozen (its file and hash can no longer change or be removed).
 */
export async function recordDelivery(delegationId: number, input: DeliveryInput, recordedBy: string) {
  return transaction(async (tx) => {
    const chosen = [];
    for (const item of input.items) {
      const dossier = await tx
        .select()
        .from(dossiers)
        .where(and(eq(dossiers.id, item.dossierId), eq(dossiers.documentId, item.documentId)))
        .then(first);
      if (!dossier || dossier.status !== "ready" || !dossier.sha256) {
        throw new DeliveryError(`Dossier ${item.dossierId} is not a finished dossier of that document.`);
      }
      chosen.push(dossier);
    }
    const { deliveredOn, place, recipient } = input;
    const [delivery] = await tx
      .insert(deliveries)
      .values({ delegationId, deliveredOn, place, recipient, recordedBy })
      .returning();
    for (const dossier of chosen) {
      await tx.insert(deliveryItems).values({
        deliveryId: delivery.id,
        documentId: dossier.documentId,
        dossierId: dossier.id,
        signatureCount: dossier.total,
      });
      if (!dossier.frozenAt) await tx.update(dossiers).set({ frozenAt: new Date() }).where(eq(dossiers.id, dossier.id));
    }
    return delivery;
  });
}

export class DeliveryError extends Error {}

export type DelegationTexts = Delegation["texts"];
export type MemberTexts = (typeof delegationMembers.$inferSelect)["texts"];

export async function updateDelegationTexts(id: number, texts: DelegationTexts) {
  const updated = await getDb()
    .update(delegations)
    .set({ texts })
    .where(eq(delegations.id, id))
    .returning({ id: delegations.id });
  return updated.length;
}

/** A new member goes to the end of the list. */
export async function addMember(delegationId: number, member: { name: string; texts: MemberTexts }) {
  return transaction(async (tx) => {
    const last = await tx
      .select({ position: delegationMembers.position })
      .from(delegationMembers)
      .where(eq(delegationMembers.delegationId, delegationId))
      .orderBy(desc(delegationMembers.position))
      .limit(1)
      .then(first);
    return tx
      .insert(delegationMembers)
      .values({ delegationId, position: (last?.position ?? -1) + 1, ...member })
      .returning()
      .then(([row]) => row);
  });
}

export async function removeMember(delegationId: number, memberId: number) {
  const removed = await getDb()
    .delete(delegationMembers)
    .where(and(eq(delegationMembers.id, memberId), eq(delegationMembers.delegationId, delegationId)))
    .returning({ id: delegationMembers.id });
  return removed.length;
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

export type MemberMove = "up" | "down";

/**
 * Moves a member one place up or down. Positions are renumbered 0, 1, 2… in the current order first, so
 * equal or gapped positions (old rows, removed members) never make a move do nothing. Returns false for an
 * unknown member; a move past either end leaves the order as it is.
 */
export async function moveMember(delegationId: number, memberId: number, move: MemberMove) {
  return transaction(async (tx) => {
    const order = await tx
      .select({ id: delegationMembers.id })
      .from(delegationMembers)
      .where(eq(delegationMembers.delegationId, delegationId))
      .orderBy(asc(delegationMembers.position), asc(delegationMembers.id));
    const ids = order.map((row) => row.id);
    const from = ids.indexOf(memberId);
    if (from === -1) return false;
    const to = move === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < ids.length) [ids[from], ids[to]] = [ids[to], ids[from]];
    for (const [position, id] of ids.entries()) {
      await tx.update(delegationMembers).set({ position }).where(eq(delegationMembers.id, id));
    }
    return true;
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
