import { Button, Heading, Link, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { EmailLayout, FooterText, buttonStyle } from "./email-layout";

export type NewManageLinkProps = {
  locale: Locale;
  documentTitle: string;
  manageUrl: string;
};

export const newManageLinkSubject = (props: NewManageLinkProps) =>
  translator(props.locale)("email.newLinkSubject", { title: props.documentTitle });

export default function NewManageLink({ locale, documentTitle, manageUrl }: NewManageLinkProps) {
  const t = translator(locale);
  return (
    <EmailLayout
      lang={locale}
      preview={t("email.newLinkPreview", { title: documentTitle })}
      footer={<FooterText>{t("email.newLinkFooter")}</FooterText>}
    >
      <Heading as="h1">{t("email.newLinkHeading")}</Heading>
      <Text>{t("email.hello")}</Text>
      <Text>{t("email.newLinkBody", { title: documentTitle })}</Text>
      <Button href={manageUrl} style={buttonStyle}>
        {t("email.manageSignature")}
      </Button>
      <Text>
        {t("email.pasteLink")} <Link href={manageUrl}>{manageUrl}</Link>
      </Text>
      <Text>{t("email.newLinkKeep")}</Text>
    </EmailLayout>
  );
}

NewManageLink.PreviewProps = {
  locale: "en",
  documentTitle: "Annul the Moscow Trials verdicts",
  manageUrl: "http://localhost:3000/signature/1.preview",
} satisfies NewManageLinkProps;
