import { Button, Link } from "@react-email/components";
import { BodyText, buttonStyle, EmailLayout, type EmailSender, FooterText, Title } from "./email-layout";

export type AdminSignInProps = {
  /** The organisation, named in the header (and with its postal address in update emails). */
  sender: EmailSender;
  url: string;
  validMinutes: number;
};

export const adminSignInSubject = () => "Your sign-in link for the organisers' pages";

export default function AdminSignIn({ sender, url, validMinutes }: AdminSignInProps) {
  return (
    <EmailLayout
      sender={sender}
      lang="en"
      preview="Sign in to the organisers' pages."
      footer={
        <FooterText>
          Someone asked to sign in to the organisers&apos; pages with this address. If it was not you, ignore this
          email.
        </FooterText>
      }
    >
      <Title>Sign in</Title>
      <BodyText>Use this link to sign in to the organisers’ pages. It works once, for {validMinutes} minutes.</BodyText>
      <Button href={url} style={buttonStyle}>
        Sign in
      </Button>
      <BodyText>
        Or paste this link into your browser: <Link href={url}>{url}</Link>
      </BodyText>
    </EmailLayout>
  );
}

AdminSignIn.PreviewProps = {
  sender: { name: "Moscow Trials Campaign Committee", postalAddress: "PO Box 1937\nNew York, NY 10001" },
  url: "http://localhost:3000/api/auth/callback/email?token=preview",
  validMinutes: 15,
} satisfies AdminSignInProps;
