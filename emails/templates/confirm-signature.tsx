import { Button, Heading, Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, FooterText, ManageLine, buttonStyle } from "./email-layout";

export type ConfirmSignatureProps = {
  locale: Locale;
  documentTitle: string;
  confirmUrl: string;
  manageUrl: string;
  validDays: number;
};

export const confirmSignatureSubject = (props: ConfirmSignatureProps) =>
  translator(props.locale)("email.confirmSubject", { title: props.documentTitle });

export default function ConfirmSignature({
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
    <EmailLayout lang={locale} preview={t("email.confirmPreview", { title: documentTitle })} footer={footer}>
      <Heading as="h1">{t("email.confirmHeading")}</Heading>
      <Text>{t("email.hello")}</Text>
      <Text>{t("email.confirmBody", { title: documentTitle })}</Text>
      <Button href={confirmUrl} style={buttonStyle}>
        {t("email.confirmButton")}
      </Button>
      <Text>
        {t("email.pasteLink")} <Link href={confirmUrl}>{confirmUrl}</Link>
      </Text>
      <Text>{t("email.validDays", { days: validDays })}</Text>
    </EmailLayout>
  );
}

ConfirmSignature.PreviewProps = {
  locale: "ru",
  documentTitle: "Отменить приговоры Московских процессов",
  confirmUrl: "http://localhost:3000/ru/confirm/preview-token",
  manageUrl: "http://localhost:3000/ru/signature/1.preview",
  validDays: 7,
} satisfies ConfirmSignatureProps;
