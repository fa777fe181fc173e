import { Link } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { BodyText, EmailLayout, type EmailSender, FooterText, ManageLine, Title } from "./email-layout";

export type AlreadySignedProps = {
  /** The organisation, named in the header (and with its postal address in update emails). */
  sender: EmailSender;
  locale: Locale;
  documentTitle: string;
  documentUrl: string;
  manageUrl: string;
};

export const alreadySignedSubject = (props: AlreadySignedProps) =>
  translator(props.locale)("email.alreadySubject", { title: props.documentTitle });

export default function AlreadySigned({ sender, locale, documentTitle, documentUrl, manageUrl }: AlreadySignedProps) {
  const t = translator(locale);
  const footer = (
    <>
      <FooterText>{t("email.signerFooter")}</FooterText>
      <ManageLine text={t.raw("email.manage") as string} url={manageUrl} />
    </>
  );
  return (
    <EmailLayout
      sender={sender}
      lang={locale}
      preview={t("email.alreadyPreview", { title: documentTitle })}
      footer={footer}
    >
      <Title>{t("email.alreadyHeading")}</Title>
      <BodyText>{t("email.hello")}</BodyText>
      <BodyText>{t("email.alreadyBody", { title: documentTitle })}</BodyText>
      <BodyText>
        {t("email.alreadyLink")} <Link href={documentUrl}>{documentUrl}</Link>
      </BodyText>
    </EmailLayout>
  );
}

AlreadySigned.PreviewProps = {
  sender: { name: "Moscow Trials Campaign Committee", postalAddress: "PO Box 1937\nNew York, NY 10001" },
  locale: "en",
  documentTitle: "Annul the Moscow Trials verdicts",
  documentUrl: "http://localhost:3000/petitions/moscow-trials",
  manageUrl: "http://localhost:3000/signature/1.preview",
} satisfies AlreadySignedProps;
