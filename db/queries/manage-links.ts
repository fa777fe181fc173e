import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/index";
import { outbox, signatures } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import {
  clientOverBudget,
  lockMailBudgets,
  recipientOverBudget,
  recordSigningEmail,
  type MailBudget,
} from "./mail-ledger";

export const MANAGE_LINK_TEMPLATE = "manage-link";

/** The email with a renewed private link: the document's title, never anything the signer typed. */
export type ManageLinkPayload = { signatureId: number; manageVersion: number; locale: Locale; documentTitle: string };

/** The version a signature's private link must carry now, or undefined when there is no such signature. */
export async function getManageLinkVersion(signatureId: number): Promise<number | undefined> {
  const row = await getDb()
    .select({ version: signatures.manageLinkVersion })
    .from(signatures)
    .where(eq(signatures.id, signatureId))
    .then(first);
  return row?.version;
}

export type RenewOutcome = "renewed" | "capped" | "gone";

/**
 * Raises a signature's link version, which voids every link sent before, and queues the new link to the
 * signature's address, in one transaction. Only from the link that is current (`fromVersion`): one voided
 * meanwhile renews nothing. Within the address's daily and the client's hourly email budgets; when they are
 * spent nothing changes and the old link still works. Not within the signature's own lifetime share
 * (MAX_EMAILS_PER_SIGNATURE), which strangers can spend through the signing forms: only the holder of the
 * current link can renew, and after the first renewal that is whoever reads the address's mail.
 */
export async function renewManageLink(
  signatureId: number,
  fromVersion: number,
  email: Omit<ManageLinkPayload, "signatureId" | "manageVersion">,
  budget: MailBudget,
): Promise<RenewOutcome> {
  return transaction(async (tx): Promise<RenewOutcome> => {
    await lockMailBudgets(tx, budget);
    const current = and(
      eq(signatures.id, signatureId),
      eq(signatures.manageLinkVersion, fromVersion),
      // A withdrawn or erased signature has no address left; a flagged one was never sent a link.
      notInArray(signatures.state, ["withdrawn", "flagged"]),
      isNull(signatures.anonymisedAt),
    );
    if (!(await tx.select({ id: signatures.id }).from(signatures).where(current).then(first))) return "gone";
    const now = Date.now();
    if ((await clientOverBudget(tx, budget, now)) || (await recipientOverBudget(tx, budget, now))) return "capped";
    // Checked again as it is raised: on PostgreSQL another renewal may have committed since the read.
    const [renewed] = await tx
      .update(signatures)
      .set({ manageLinkVersion: sql`${signatures.manageLinkVersion} + 1` })
      .where(current)
      .returning({ version: signatures.manageLinkVersion, recipient: signatures.email });
    if (!renewed) return "gone";
    const payload: ManageLinkPayload = { ...email, signatureId, manageVersion: renewed.version };
    await tx.insert(outbox).values({ template: MANAGE_LINK_TEMPLATE, recipient: renewed.recipient, payload });
    await recordSigningEmail(tx, budget);
    return "renewed";
  });
}
