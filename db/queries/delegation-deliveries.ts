import { and, desc, eq, inArray } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/index";
import { deliveries, deliveryItems, dossiers } from "@/db/schema";

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
