import type { translator } from "@/lib/i18n/translator";

/** The signing form's texts in the page's language (client components get their texts as props). */
export function formLabels(t: ReturnType<typeof translator>, kind: string) {
  return {
    errorPrefix: t("form.errorPrefix"),
    problemOne: t("form.problems", { count: 1 }),
    problemMany: t("form.problems", { count: 2 }),
    name: t("form.name"),
    email: t("form.email"),
    emailHint: t("form.emailHint"),
    country: t("form.country"),
    chooseCountry: t("form.chooseCountry"),
    city: t("form.city"),
    organisation: t("form.organisation"),
    role: t("form.role"),
    cosignerHint: t("form.cosignerHint"),
    comment: t("form.comment"),
    display: t("form.display"),
    displayFull: t("form.displayFull"),
    displayInitials: t("form.displayInitials"),
    displayHidden: t("form.displayHidden", { kind }),
    updates: t("form.updates"),
    website: t("form.website"),
    sending: t("form.sending"),
    sendAgain: t("form.sendAgain"),
    submit: t("form.submit", { kind }),
    fields: {
      name: t("form.labels.name"),
      email: t("form.labels.email"),
      country: t("form.labels.country"),
      city: t("form.labels.city"),
      organisation: t("form.labels.organisation"),
      role: t("form.labels.role"),
      comment: t("form.labels.comment"),
      display: t("form.labels.display"),
      updates: t("form.labels.updates"),
    } as Record<string, string>,
  };
}

export type SignFormLabels = ReturnType<typeof formLabels>;
