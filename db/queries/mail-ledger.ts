import { and, count, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db/index";
import { mailLedger } from "@/db/schema";

/** Sign-in links asked for lately for this address, and from this client (keyed hashes, see the schema). */
export async function countSignInRequests(recipientHash: string, clientHash: string | null, since: Date) {
  const recent = (condition: ReturnType<typeof eq>) =>
    getDb()
      .select({ count: count() })
      .from(mailLedger)
      .where(and(eq(mailLedger.purpose, "sign-in"), condition, gte(mailLedger.createdAt, since)));
  const [[forAddress], [fromClient]] = await Promise.all([
    recent(eq(mailLedger.recipientHash, recipientHash)),
    clientHash ? recent(eq(mailLedger.clientHash, clientHash)) : Promise.resolve([{ count: 0 }]),
  ]);
  return { forAddress: forAddress.count, fromClient: fromClient.count };
}

export async function recordSignInRequest(recipientHash: string, clientHash: string | null) {
  await getDb().insert(mailLedger).values({ purpose: "sign-in", recipientHash, clientHash });
}

/** The ledger is only ever read a day back: older rows go. */
export async function pruneMailLedger(before: Date) {
  const pruned = await getDb()
    .delete(mailLedger)
    .where(lt(mailLedger.createdAt, before))
    .returning({ id: mailLedger.id });
  return pruned.length;
}
