import { Button, Link } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { BodyText, buttonStyle, EmailLayout, type EmailSender, FooterText, Title } from "./email-layout";

export type NewManageLinkProps = {
  /** The organisation, named in the header (and with its postal address in update emails). */
  sender: EmailSender;
  locale: Locale;
  documentTitle: string;
  manageUrl: string;
};

export const newManageLinkSubject = (props: NewManageLinkProps) =>
  translator(props.locale)("email.newLinkSubject", { title: props.documentTitle });

export default function NewManageLink({ sender, locale, documentTitle, manageUrl }: NewManageLinkProps) {
  const t = translator(locale);
  return (
    <EmailLayout
      sender={sender}
      lang={locale}
      preview={t("email.newLinkPreview", { title: documentTitle })}
      footer={<FooterText>{t("email.newLinkFooter")}</FooterText>}
    >
      <Title>{t("email.newLinkHeading")}</Title>
      <BodyText>{t("email.hello")}</BodyText>
      <BodyText>{t("email.newLinkBody", { title: documentTitle })}</BodyText>
      <Button href={manageUrl} style={buttonStyle}>
        {t("email.manageSignature")}
      </Button>
      <BodyText>
        {t("email.pasteLink")} <Link href={manageUrl}>{manageUrl}</Link>
      </BodyText>
      <BodyText>{t("email.newLinkKeep")}</BodyText>
    </EmailLayout>
  );
}

NewManageLink.PreviewProps = {
  sender: { name: "Moscow Trials Campaign Committee", postalAddress: "PO Box 1937\nNew York, NY 10001" },
  locale: "en",
  documentTitle: "Annul the Moscow Trials verdicts",
  manageUrl: "http://localhost:3000/signature/1.preview",
} satisfies NewManageLinkProps;
