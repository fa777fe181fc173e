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

// Rendering a React Email template costs milliseconds; a backlog holds thousands of emails that differ
// only in the signer's name and link. So each template is rendered once with placeholders, then filled.
const NAME = "\u2063NAME\u2063";
const LINK = "https://placeholder.invalid/LINK";
const rendered = new Map<string, Promise<{ html: string; text: string }>>();

function renderOnce(cacheKey: string, element: ReactElement) {
  let entry = rendered.get(cacheKey);
  if (!entry) {
    if (rendered.size > 200) rendered.clear();
    entry = Promise.all([render(element), render(element, { plainText: true })]).then(([html, text]) => ({ html, text }));
    rendered.set(cacheKey, entry);
  }
  return entry;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char]!);

async function fill(to: string, subject: string, cacheKey: string, element: ReactElement, name: string, link: string) {
  const { html, text } = await renderOnce(cacheKey, element);
  return {
    to,
    subject,
    // Link first, and through functions: a name holding "$&" or "$'" (replacement patterns) or the
    // placeholder itself must come out exactly as typed.
    html: html.replaceAll(LINK, () => link).replaceAll(NAME, () => escapeHtml(name)),
    text: text.replaceAll(LINK, () => link).replaceAll(NAME, () => name),
  };
}

/** Turns a queued outbox row into the email to send; links are built from APP_URL, never a request. */
export async function composeEmail(message: OutboxMessage): Promise<OutgoingEmail> {
  const { appUrl, CONFIRM_TOKEN_TTL_HOURS } = getConfig();
  switch (message.template) {
    case "confirm-signature": {
      const payload = message.payload as ConfirmEmailPayload;
      const link = `${appUrl}/confirm/${deriveToken(getAuthSecret(), payload.tokenNonce)}`;
      const props = { name: NAME, documentTitle: payload.documentTitle, confirmUrl: LINK, validDays: Math.round(CONFIRM_TOKEN_TTL_HOURS / 24) };
      const key = `confirm\u0000${props.documentTitle}\u0000${props.validDays}`;
      return fill(message.recipient, confirmSignatureSubject(props), key, <ConfirmSignature {...props} />, payload.name, link);
    }
    case "already-signed": {
      const payload = message.payload as AlreadySignedPayload;
      const link = `${appUrl}${documentPath(payload.documentKind, payload.documentSlug)}`;
      const props = { name: NAME, documentTitle: payload.documentTitle, documentUrl: LINK };
      const key = `already\u0000${props.documentTitle}`;
      return fill(message.recipient, alreadySignedSubject(props), key, <AlreadySigned {...props} />, payload.name, link);
    }
    default:
      throw new Error(`Unknown email template "${message.template}"`);
  }
}

export async function composeAdminSignIn(to: string, url: string, validMinutes: number): Promise<OutgoingEmail> {
  return renderEmail(to, adminSignInSubject(), <AdminSignIn url={url} validMinutes={validMinutes} />);
}
