import { Body, Container, Head, Hr, Html, Link, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = { backgroundColor: "#f6f5f2", fontFamily: "Georgia, 'Times New Roman', serif", color: "#1f1d1a" };
const container = { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px 32px", maxWidth: "560px" };
const footerStyle = { color: "#5b5750", fontSize: "13px" };

type Props = { lang: string; preview: string; footer: ReactNode; children: ReactNode };

export function EmailLayout({ lang, preview, footer, children }: Props) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          {children}
          <Hr />
          {footer}
        </Container>
      </Body>
    </Html>
  );
}

export function FooterText({ children }: { children: ReactNode }) {
  return <Text style={footerStyle}>{children}</Text>;
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
  padding: "12px 20px",
  borderRadius: "4px",
  textDecoration: "none",
  display: "inline-block",
};
