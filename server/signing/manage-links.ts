import "server-only";
import { getLocalizedDocumentById } from "@/db/queries/documents";
import { getManageLinkVersion, renewManageLink, type RenewOutcome } from "@/db/queries/manage-links";
import { getOwnSignature } from "@/db/queries/self-service";
import type { Locale } from "@/lib/i18n/locales";
import { clientAddress, hashAddress } from "@/lib/security/client-address";
import { verifyManageToken } from "@/lib/security/signer-links";
import { nudgeOutbox } from "@/server/jobs/outbox-worker";
import { mailBudget } from "./signing";

export type ManageLink = { id: number; version: number };

/** The signature a private link opens, if the link is genuine and still the signature's current one. */
export function verifyManageLink(token: unknown): Promise<ManageLink | null> {
  return verifyManageToken(token, getManageLinkVersion);
}

/**
 * "Send me a new link": voids every earlier link to the signature and emails the new one to its address,
 * in the language of the page it was asked from, within the signing emails' budgets.
 */
export async function sendNewManageLink(link: ManageLink, locale: Locale, headers: Headers): Promise<RenewOutcome> {
  const signature = await getOwnSignature(link.id);
  const document = signature && (await getLocalizedDocumentById(signature.documentId, locale));
  if (!signature || !document) return "gone";
  const budget = mailBudget(signature.emailKey, hashAddress(clientAddress(headers)));
  const outcome = await renewManageLink(link.id, link.version, { locale, documentTitle: document.title }, budget);
  if (outcome === "renewed") nudgeOutbox();
  return outcome;
}
