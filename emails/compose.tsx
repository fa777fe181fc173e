import { render } from "@react-email/components";
import type { ReactElement } from "react";
import type { AlreadySignedPayload, ConfirmEmailPayload } from "@/db/queries/signatures";
import type { OutboxMessage } from "@/db/schema";
import { getAuthSecret } from "@/lib/auth-secret";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { deriveToken } from "@/lib/tokens";
import AdminSignIn, { adminSignInSubject } from "./admin-sign-in";
import AlreadySigned, { alreadySignedSubject } from "./already-signed";
import ConfirmSignature, { confirmSignatureSubject } from "./confirm-signature";
import type { OutgoingEmail } from "./send";

async function renderEmail(to: string, subject: string, element: ReactElement): Promise<OutgoingEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { to, subject, html, text };
}

/** Turns a queued outbox row into the email to send; links are built from APP_URL, never a request. */
export async function composeEmail(message: OutboxMessage): Promise<OutgoingEmail> {
  const { appUrl, CONFIRM_TOKEN_TTL_HOURS } = getConfig();
  switch (message.template) {
    case "confirm-signature": {
      const payload = message.payload as ConfirmEmailPayload;
      const token = deriveToken(getAuthSecret(), payload.tokenNonce);
      const props = {
        name: payload.name,
        documentTitle: payload.documentTitle,
        confirmUrl: `${appUrl}/confirm/${token}`,
        validDays: Math.round(CONFIRM_TOKEN_TTL_HOURS / 24),
      };
      return renderEmail(message.recipient, confirmSignatureSubject(props), <ConfirmSignature {...props} />);
    }
    case "already-signed": {
      const payload = message.payload as AlreadySignedPayload;
      const props = {
        name: payload.name,
        documentTitle: payload.documentTitle,
        documentUrl: `${appUrl}${documentPath(payload.documentKind, payload.documentSlug)}`,
      };
      return renderEmail(message.recipient, alreadySignedSubject(props), <AlreadySigned {...props} />);
    }
    default:
      throw new Error(`Unknown email template "${message.template}"`);
  }
}

export async function composeAdminSignIn(to: string, url: string, validMinutes: number): Promise<OutgoingEmail> {
  return renderEmail(to, adminSignInSubject(), <AdminSignIn url={url} validMinutes={validMinutes} />);
}
