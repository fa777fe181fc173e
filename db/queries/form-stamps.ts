import { eq, lt } from "drizzle-orm";
import { getDb } from "@/db/index";
import { formStamps } from "@/db/schema";

export type FormStampRow = { id: string; documentId: number; issuedAt: Date };

/** Stores a new stamp, and drops those issued before `expiredBefore` (no submission can use them now). */
export async function insertFormStamp(stamp: FormStampRow, expiredBefore: Date): Promise<void> {
  await getDb().delete(formStamps).where(lt(formStamps.issuedAt, expiredBefore));
  await getDb().insert(formStamps).values(stamp);
}

/** Removes a stamp and returns it: whoever gets it back is its only user. */
export async function takeFormStamp(id: string): Promise<FormStampRow | undefined> {
  const [taken] = await getDb().delete(formStamps).where(eq(formStamps.id, id)).returning();
  return taken;
}
