import { listOpenDocuments } from "@/db/queries/documents";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { resendAction } from "./actions";
import { ResendFormFields } from "./resend-form-fields";

export async function ResendForm({ locale, selected }: { locale: Locale; selected?: string }) {
  const t = translator(locale);
  const documents = await listOpenDocuments(locale);
  const labels = {
    sentTitle: t("resend.sentTitle"),
    sent: t("resend.sent"),
    email: t("resend.email"),
    document: t("resend.document"),
    submit: t("resend.submit"),
  };
  return (
    <ResendFormFields
      action={resendAction.bind(null, locale)}
      documents={documents.map(({ slug, title }) => ({ slug, title }))}
      selected={selected}
      labels={labels}
    />
  );
}
