import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

// One scale of type for every email: 16 px text, 24 px titles, 20 px subheadings, 13 px footer and header.
const body = { backgroundColor: "#f6f5f2", fontFamily: "Georgia, 'Times New Roman', serif", color: "#1f1d1a" };
const container = { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px 32px", maxWidth: "560px" };
const textStyle = { fontSize: "16px", lineHeight: "24px", margin: "16px 0" };
const titleStyle = { fontSize: "24px", lineHeight: "32px", margin: "16px 0", fontWeight: "bold" };
const subheadingStyle = { fontSize: "20px", lineHeight: "28px", margin: "20px 0 12px", fontWeight: "bold" };
const smallStyle = { color: "#5b5750", fontSize: "13px", lineHeight: "20px", margin: "8px 0" };
const senderStyle = { ...smallStyle, margin: "0 0 8px", letterSpacing: "0.02em", textTransform: "uppercase" as const };

/** Who sends the email: its name heads every email; update emails also carry the postal address below. */
export type EmailSender = { name: string; postalAddress?: string };

type Props = { lang: string; preview: string; sender: EmailSender; footer: ReactNode; children: ReactNode };

export function EmailLayout({ lang, preview, sender, footer, children }: Props) {
  return (
    <Html lang={lang}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section>
            <Text style={senderStyle}>{sender.name}</Text>
          </Section>
          {children}
          <Hr />
          {footer}
          {sender.postalAddress ? (
            <Text style={smallStyle}>
              {sender.name}
              {sender.postalAddress.split("\n").map((line, index) => (
                <span key={index}>
                  <br />
                  {line}
                </span>
              ))}
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/** A paragraph of an email's body. */
export function BodyText({ children }: { children: ReactNode }) {
  return <Text style={textStyle}>{children}</Text>;
}

/** An email's title (one per email). */
export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={titleStyle}>
      {children}
    </Heading>
  );
}

/** A heading inside an email's body. */
export function Subheading({ as = "h2", children }: { as?: "h2" | "h3"; children: ReactNode }) {
  return (
    <Heading as={as} style={subheadingStyle}>
      {children}
    </Heading>
  );
}

export function FooterText({ children }: { children: ReactNode }) {
  return <Text style={smallStyle}>{children}</Text>;
}

/** The private link every signer email carries, to change or withdraw the signature. */
export function ManageLine({ text, url }: { text: string; url: string }) {
  const [before, after = ""] = text.split("{link}");
  return (
    <FooterText>
      {before}
      <Link href={url}>{url}</Link>
      {after}
    </FooterText>
  );
}

export const buttonStyle = {
  backgroundColor: "#8a1c1c",
  color: "#ffffff",
  fontSize: "16px",
  lineHeight: "24px",
  padding: "12px 20px",
  borderRadius: "4px",
  textDecoration: "none",
  display: "inline-block",
};
