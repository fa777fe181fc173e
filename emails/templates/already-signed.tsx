import { Heading, Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, FooterText, ManageLine } from "./email-layout";

export type AlreadySignedProps = {
  locale: Locale;
  documentTitle: string;
  documentUrl: string;
  manageUrl: string;
};

export const alreadySignedSubject = (props: AlreadySignedProps) =>
  translator(props.locale)("email.alreadySubject", { title: props.documentTitle });

export default function AlreadySigned({ locale, documentTitle, documentUrl, manageUrl }: AlreadySignedProps) {
  const t = translator(locale);
  const footer = (
    <>
      <FooterText>{t("email.signerFooter")}</FooterText>
      <ManageLine text={t.raw("email.manage") as string} url={manageUrl} />
    </>
  );
  return (
    <EmailLayout lang={locale} preview={t("email.alreadyPreview", { title: documentTitle })} footer={footer}>
      <Heading as="h1">{t("email.alreadyHeading")}</Heading>
      <Text>{t("email.hello")}</Text>
      <Text>{t("email.alreadyBody", { title: documentTitle })}</Text>
      <Text>
        {t("email.alreadyLink")} <Link href={documentUrl}>{documentUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

AlreadySigned.PreviewProps = {
  locale: "en",
  documentTitle: "Annul the Moscow Trials verdicts",
  documentUrl: "http://localhost:3000/petitions/moscow-trials",
  manageUrl: "http://localhost:3000/signature/1.preview",
} satisfies AlreadySignedProps;
