import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout } from "./email-layout";

export type AlreadySignedProps = { name: string; documentTitle: string; documentUrl: string };

export const alreadySignedSubject = (props: AlreadySignedProps) => `You have already signed: ${props.documentTitle}`;

export default function AlreadySigned({ name, documentTitle, documentUrl }: AlreadySignedProps) {
  return (
    <EmailLayout preview={`Your signature on “${documentTitle}” is already confirmed and counted.`}>
      <Heading as="h1">You have already signed</Heading>
      <Text>Dear {name},</Text>
      <Text>
        Someone — probably you — tried to sign “{documentTitle}” again with this address. Your signature is
        already confirmed and counted once; there is nothing more to do.
      </Text>
      <Text>
        See the latest count and share it: <Link href={documentUrl}>{documentUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

AlreadySigned.PreviewProps = {
  name: "Jean Dupont",
  documentTitle: "Annul the Moscow Trials verdicts",
  documentUrl: "http://localhost:3000/petitions/moscow-trials",
} satisfies AlreadySignedProps;
