import { Link } from "@react-email/components";
import ReactMarkdown, { type Components } from "react-markdown";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { BodyText, EmailLayout, type EmailSender, ManageLine, Subheading, Title } from "./email-layout";

export type CampaignUpdateProps = {
  /** The organisation, named in the header (and with its postal address in update emails). */
  sender: EmailSender;
  /** The signer's language: the email's own words. */
  locale: Locale;
  /** The language of the update's text: the signer's, or English where the update has none in it. */
  textLocale: Locale;
  subject: string;
  body: string;
  unsubscribeUrl: string;
  manageUrl: string;
};

// Organiser-written Markdown in email-safe elements; raw HTML is dropped, and so are images, which
// would load from elsewhere when the email is opened and tell a third party who read it.
const components: Components = {
  p: ({ children }) => <BodyText>{children}</BodyText>,
  a: ({ href, children }) => <Link href={href}>{children}</Link>,
  h1: ({ children }) => <Subheading>{children}</Subheading>,
  h2: ({ children }) => <Subheading>{children}</Subheading>,
  h3: ({ children }) => <Subheading as="h3">{children}</Subheading>,
};

export default function CampaignUpdate({
  sender,
  locale,
  textLocale,
  subject,
  body,
  unsubscribeUrl,
  manageUrl,
}: CampaignUpdateProps) {
  const t = translator(locale);
  const footer = (
    <>
      <ManageLine text={t.raw("email.updateFooter") as string} url={unsubscribeUrl} />
      <ManageLine text={t.raw("email.manage") as string} url={manageUrl} />
    </>
  );
  return (
    <EmailLayout sender={sender} lang={locale} preview={subject} footer={footer}>
      <div lang={textLocale}>
        <Title>{subject}</Title>
        <ReactMarkdown skipHtml disallowedElements={["img"]} components={components}>
          {body}
        </ReactMarkdown>
      </div>
    </EmailLayout>
  );
}

CampaignUpdate.PreviewProps = {
  sender: { name: "Moscow Trials Campaign Committee", postalAddress: "PO Box 1937\nNew York, NY 10001" },
  locale: "ru",
  textLocale: "ru",
  subject: "Делегация вернулась из Москвы",
  body: "Письмо и петиция **вручены**. Подробности — на [странице делегации](http://localhost:3000/ru/delegations/moscow-1989).",
  unsubscribeUrl: "http://localhost:3000/ru/unsubscribe/1.preview",
  manageUrl: "http://localhost:3000/ru/signature/1.preview",
} satisfies CampaignUpdateProps;
