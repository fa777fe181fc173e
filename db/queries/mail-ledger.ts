import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import { lockForTransaction } from "@/db/dialect";
import { getDb, type Executor } from "@/db/index";
import { prepared } from "@/db/prepared";
import { mailLedger } from "@/db/schema";

/**
 * The emails a request may still cause: the recipient's and the client's keyed hashes, and the limits in
 * force. `perClientHour` null: no client budget (RATE_LIMITS=off, or an organiser releasing held ones).
 */
export type MailBudget = {
  recipientHash: string;
  clientHash: string | null;
  perClientHour: number | null;
  perAddressDay: number;
};

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

const countSigningMail = (by: "recipientHash" | "clientHash") => (db: Executor) =>
  db
    .select({ caused: count() })
    .from(mailLedger)
    .where(
      and(
        eq(mailLedger.purpose, "signing"),
        eq(mailLedger[by], sql.placeholder("hash")),
        gte(mailLedger.createdAt, sql.placeholder("since")),
      ),
    )
    .prepare();
const countMailTo = countSigningMail("recipientHash");
const countMailFrom = countSigningMail("clientHash");

async function countMail(db: Executor, by: "recipientHash" | "clientHash", hash: string, since: number) {
  // `since` in milliseconds: a placeholder in a condition reaches the driver unconverted.
  const [{ caused }] = await prepared(db, by === "recipientHash" ? countMailTo : countMailFrom).execute({
    hash,
    since,
  });
  return caused;
}

type CountedClient = MailBudget & { clientHash: string; perClientHour: number };

/** Whether the client's hourly share is counted at all (not with RATE_LIMITS=off, nor for an unknown client). */
function countsClient(budget: MailBudget | null): budget is CountedClient {
  return Boolean(budget?.clientHash) && budget?.perClientHour != null;
}

/** Whether this client has caused its hour's share of signing emails. */
export async function clientOverBudget(db: Executor, budget: MailBudget | null, now: number): Promise<boolean> {
  if (!countsClient(budget)) return false;
  return (await countMail(db, "clientHash", budget.clientHash, now - HOUR_MS)) >= budget.perClientHour;
}

export async function recipientOverBudget(db: Executor, budget: MailBudget | null, now: number): Promise<boolean> {
  if (!budget) return false;
  return (await countMail(db, "recipientHash", budget.recipientHash, now - DAY_MS)) >= budget.perAddressDay;
}

const insertSigningMail = (db: Executor) =>
  db
    .insert(mailLedger)
    .values({
      purpose: "signing",
      recipientHash: sql.placeholder("recipientHash"),
      clientHash: sql.placeholder("clientHash"),
    })
    .prepare();

export async function recordSigningEmail(db: Executor, budget: MailBudget) {
  await prepared(db, insertSigningMail).execute({ recipientHash: budget.recipientHash, clientHash: budget.clientHash });
}

/**
 * Two instances counting the same budget at once would both see room for one more email: on PostgreSQL
 * the transaction first takes the lock of each budget it counts (on SQLite it is the only writer). The
 * client's only when its hourly share is counted: with RATE_LIMITS=off a lock per client address would
 * queue every signer behind one proxy or NAT, across all instances, for nothing.
 */
export async function lockMailBudgets(tx: Executor, budget: MailBudget | null) {
  if (!budget) return;
  await lockForTransaction(tx, `mail:${budget.recipientHash}`);
  if (countsClient(budget)) await lockForTransaction(tx, `mail:${budget.clientHash}`);
}

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
