import { Button, Link } from "@react-email/components";
import { BodyText, EmailLayout, type EmailSender, FooterText, Title, buttonStyle } from "./email-layout";

export type OrganiserInvitationProps = {
  sender: EmailSender;
  /** What the invited person will be able to do, in a few words. */
  roleDescription: string;
  roleName: string;
  signInUrl: string;
};

export const organiserInvitationSubject = (props: OrganiserInvitationProps) =>
  `You are invited to help run ${props.sender.name}`;

// English only, like the organisers' pages it leads to.
export default function OrganiserInvitation({
  sender,
  roleName,
  roleDescription,
  signInUrl,
}: OrganiserInvitationProps) {
  return (
    <EmailLayout
      sender={sender}
      lang="en"
      preview={`You have been invited as ${roleName}.`}
      footer={
        <FooterText>
          If you did not expect this, ignore this email: nothing happens unless you sign in, and the organisers can
          withdraw the invitation.
        </FooterText>
      }
    >
      <Title>You are invited as {roleName}</Title>
      <BodyText>
        The organisers of {sender.name} have invited this address to their pages as {roleName}: {roleDescription}
      </BodyText>
      <BodyText>
        To accept, open the sign-in page and enter this email address. We will send you a link that signs you in.
      </BodyText>
      <Button href={signInUrl} style={buttonStyle}>
        Open the sign-in page
      </Button>
      <BodyText>
        Or paste this link into your browser: <Link href={signInUrl}>{signInUrl}</Link>
      </BodyText>
    </EmailLayout>
  );
}

OrganiserInvitation.PreviewProps = {
  sender: { name: "Moscow Trials Campaign Committee" },
  roleName: "a moderator",
  roleDescription: "you can review signatures, reject them and restore them.",
  signInUrl: "http://localhost:3000/sign-in",
} satisfies OrganiserInvitationProps;
