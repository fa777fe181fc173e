import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./email-layout";

export type ConfirmSignatureProps = { name: string; documentTitle: string; confirmUrl: string; validDays: number };

export const confirmSignatureSubject = (props: ConfirmSignatureProps) => `Confirm your signature: ${props.documentTitle}`;

export default function ConfirmSignature({ name, documentTitle, confirmUrl, validDays }: ConfirmSignatureProps) {
  return (
    <EmailLayout preview={`One step left: confirm your signature on “${documentTitle}”.`}>
      <Heading as="h1">Confirm your signature</Heading>
      <Text>Dear {name},</Text>
      <Text>
        Thank you for signing “{documentTitle}”. Your signature counts only once you confirm that this address is
        yours. Open the page below and press “Confirm my signature”.
      </Text>
      <Button href={confirmUrl} style={buttonStyle}>
        Open the confirmation page
      </Button>
      <Text>
        Or paste this link into your browser: <Link href={confirmUrl}>{confirmUrl}</Link>
      </Text>
      <Text>The link works for {validDays} days.</Text>
    </EmailLayout>
  );
}

ConfirmSignature.PreviewProps = {
  name: "Вера Иванова",
  documentTitle: "Annul the Moscow Trials verdicts",
  confirmUrl: "http://localhost:3000/confirm/preview-token",
  validDays: 7,
} satisfies ConfirmSignatureProps;
