import { and, desc, eq } from "drizzle-orm";
import { first, getDb } from "@/db/index";
import { dispatches, type Delegation } from "@/db/schema";

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
