import { Body, Container, Head, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = { backgroundColor: "#f6f5f2", fontFamily: "Georgia, 'Times New Roman', serif", color: "#1f1d1a" };
const container = { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px 32px", maxWidth: "560px" };
const footer = { color: "#5b5750", fontSize: "13px" };

const signerFooter =
  "You are receiving this because this address was entered on a signing form. If that was not you, ignore this email: nothing is counted without confirmation.";

export function EmailLayout({ preview, footer: footerText = signerFooter, children }: { preview: string; footer?: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          {children}
          <Hr />
          <Text style={footer}>{footerText}</Text>
        </Container>
      </Body>
    </Html>
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
