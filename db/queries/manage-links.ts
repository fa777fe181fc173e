import { eq } from "drizzle-orm";
import { first, getDb } from "@/db/index";
import { signatures } from "@/db/schema";

/** The version a signature's private link must carry now, or undefined when there is no such signature. */
export async function getManageLinkVersion(signatureId: number): Promise<number | undefined> {
  const row = await getDb()
    .select({ version: signatures.manageLinkVersion })
    .from(signatures)
    .where(eq(signatures.id, signatureId))
    .then(first);
  return row?.version;
}
