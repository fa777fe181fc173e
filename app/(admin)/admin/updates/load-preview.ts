import { countUpdateRecipients, type UpdateTexts } from "@/db/queries/updates";
import { locales } from "@/lib/i18n/locales";
import { composeUpdatePreview } from "@/emails/compose";
import type { UpdatePreviewData } from "./update-preview";

/** Everything the preview shows, rendered on the server: the real email of each language, and the count. */
export async function loadUpdatePreview(
  texts: UpdateTexts,
  target: { documentId?: number | null; delegationId?: number | null },
): Promise<UpdatePreviewData> {
  const [recipients, ...emails] = await Promise.all([
    countUpdateRecipients({ documentId: target.documentId ?? null, delegationId: target.delegationId ?? null }),
    ...locales.map(async (locale) => ({ locale, ...(await composeUpdatePreview(texts, locale)) })),
  ]);
  return { texts, recipients: recipients as number, emails: emails as UpdatePreviewData["emails"] };
}
