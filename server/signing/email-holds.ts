import "server-only";
import { getLocalizedDocumentById, type LocalizedDocument } from "@/db/queries/documents";
import { listEmailBudgetHolds } from "@/db/queries/email-holds";
import { releaseEmailBudgetHolds } from "@/db/queries/signatures";
import { getConfig } from "@/lib/config";
import { hashRecipient } from "@/lib/security/client-address";
import { nudgeOutbox } from "@/server/jobs/outbox-worker";
import { issueToken } from "./signing";

/**
 * An organiser's release of signatures held, unemailed, because their client had caused its share of
 * emails: each gets its confirmation email now (within its address's daily share).
 */
export async function releaseHeldSignatures(criteria: { documentId?: number; upToId: number }) {
  const rows = await listEmailBudgetHolds(criteria);
  const documents = new Map<string, LocalizedDocument | undefined>();
  const releases = [];
  for (const row of rows) {
    const key = `${row.documentId}\u0000${row.locale}`;
    if (!documents.has(key)) documents.set(key, await getLocalizedDocumentById(row.documentId, row.locale));
    const document = documents.get(key);
    if (!document) continue;
    releases.push({ signatureId: row.id, document, token: issueToken(), recipientHash: hashRecipient(row.emailKey) });
  }
  const outcome = await releaseEmailBudgetHolds(releases, getConfig().SIGNER_EMAILS_PER_ADDRESS_DAY);
  nudgeOutbox();
  return outcome;
}
