import { and, asc, desc, eq } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/index";
import { delegationMembers } from "@/db/schema";

export async function listMembers(delegationId: number) {
  return getDb()
    .select()
    .from(delegationMembers)
    .where(eq(delegationMembers.delegationId, delegationId))
    .orderBy(asc(delegationMembers.position), asc(delegationMembers.id));
}

export type MemberTexts = (typeof delegationMembers.$inferSelect)["texts"];

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

/** Rewrites a member's name and texts, keeping its place; 0 when there is none by that id (removed meanwhile). */
export async function updateMember(
  delegationId: number,
  memberId: number,
  member: { name: string; texts: MemberTexts },
) {
  const updated = await getDb()
    .update(delegationMembers)
    .set({ name: member.name, texts: member.texts })
    .where(and(eq(delegationMembers.id, memberId), eq(delegationMembers.delegationId, delegationId)))
    .returning({ id: delegationMembers.id });
  return updated.length;
}

export async function removeMember(delegationId: number, memberId: number) {
  const removed = await getDb()
    .delete(delegationMembers)
    .where(and(eq(delegationMembers.id, memberId), eq(delegationMembers.delegationId, delegationId)))
    .returning({ id: delegationMembers.id });
  return removed.length;
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
