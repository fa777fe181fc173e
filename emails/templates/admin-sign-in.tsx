import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, FooterText, buttonStyle } from "./email-layout";

export type AdminSignInProps = { url: string; validMinutes: number };

export const adminSignInSubject = () => "Your sign-in link for the organisers' pages";

export default function AdminSignIn({ url, validMinutes }: AdminSignInProps) {
  return (
    <EmailLayout
      lang="en"
      preview="Sign in to the organisers' pages."
      footer={
        <FooterText>
          Someone asked to sign in to the organisers&apos; pages with this address. If it was not you, ignore this
          email.
        </FooterText>
      }
    >
      <Heading as="h1">Sign in</Heading>
      <Text>Use this link to sign in to the organisers’ pages. It works once, for {validMinutes} minutes.</Text>
      <Button href={url} style={buttonStyle}>
        Sign in
      </Button>
      <Text>
        Or paste this link into your browser: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

AdminSignIn.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/email?token=preview",
  validMinutes: 15,
} satisfies AdminSignInProps;
