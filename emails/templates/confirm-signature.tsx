import { Button, Link } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { BodyText, buttonStyle, EmailLayout, type EmailSender, FooterText, ManageLine, Title } from "./email-layout";

export type ConfirmSignatureProps = {
  /** The organisation, named in the header (and with its postal address in update emails). */
  sender: EmailSender;
  locale: Locale;
  documentTitle: string;
  confirmUrl: string;
  manageUrl: string;
  validDays: number;
};

export const confirmSignatureSubject = (props: ConfirmSignatureProps) =>
  translator(props.locale)("email.confirmSubject", { title: props.documentTitle });

export default function ConfirmSignature({
  sender,
  locale,
  documentTitle,
  confirmUrl,
  manageUrl,
  validDays,
}: ConfirmSignatureProps) {
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
      preview={t("email.confirmPreview", { title: documentTitle })}
      footer={footer}
    >
      <Title>{t("email.confirmHeading")}</Title>
      <BodyText>{t("email.hello")}</BodyText>
      <BodyText>{t("email.confirmBody", { title: documentTitle })}</BodyText>
      <Button href={confirmUrl} style={buttonStyle}>
        {t("email.confirmButton")}
      </Button>
      <BodyText>
        {t("email.pasteLink")} <Link href={confirmUrl}>{confirmUrl}</Link>
      </BodyText>
      <BodyText>{t("email.validDays", { days: validDays })}</BodyText>
    </EmailLayout>
  );
}

ConfirmSignature.PreviewProps = {
  sender: { name: "Moscow Trials Campaign Committee", postalAddress: "PO Box 1937\nNew York, NY 10001" },
  locale: "ru",
  documentTitle: "Отменить приговоры Московских процессов",
  confirmUrl: "http://localhost:3000/ru/confirm/preview-token",
  manageUrl: "http://localhost:3000/ru/signature/1.preview",
  validDays: 7,
} satisfies ConfirmSignatureProps;
