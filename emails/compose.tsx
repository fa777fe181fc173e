import "server-only";
import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { MANAGE_LINK_TEMPLATE, type ManageLinkPayload } from "@/db/queries/manage-links";
import type { AlreadySignedPayload, ConfirmEmailPayload } from "@/db/queries/signatures";
import { MILESTONE_TEMPLATE, type MilestonePayload } from "@/db/queries/milestones";
import { UPDATE_TEMPLATE, type UpdatePayload, type UpdateTexts } from "@/db/queries/updates";
import type { OutboxMessage } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { getAuthSecret } from "@/lib/security/auth-secret";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";
import { manageUrl, oneClickUnsubscribeUrl, unsubscribeUrl } from "@/lib/security/signer-links";
import { deriveToken } from "@/lib/security/tokens";
import AdminSignIn, { adminSignInSubject } from "@/emails/templates/admin-sign-in";
import AlreadySigned, { alreadySignedSubject } from "@/emails/templates/already-signed";
import CampaignUpdate from "@/emails/templates/campaign-update";
import ConfirmSignature, { confirmSignatureSubject } from "@/emails/templates/confirm-signature";
import MilestoneReached, { milestoneReachedSubject } from "@/emails/templates/milestone-reached";
import NewManageLink, { newManageLinkSubject } from "@/emails/templates/new-manage-link";
import { SIGN_IN_HEADER } from "@/emails/transport/mailbox";
import type { OutgoingEmail } from "@/emails/transport/send";
import { loadUpdate } from "./update-source";

async function renderEmail(to: string, subject: string, element: ReactElement): Promise<OutgoingEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { to, subject, html, text };
}

// Rendering a React Email template costs milliseconds; a backlog holds thousands of emails that differ
// only in their links. So each template is rendered once with placeholders, then filled. No signer-typed
// text (name, comment) goes into any email: it could pose as the site's words or become a link.
const LINK = "https://placeholder.invalid/LINK";
const MANAGE = "https://placeholder.invalid/MANAGE";
const rendered = new Map<string, Promise<{ html: string; text: string }>>();

function renderOnce(cacheKey: string, element: ReactElement) {
  let entry = rendered.get(cacheKey);
  if (!entry) {
    if (rendered.size > 200) rendered.clear();
    entry = Promise.all([render(element), render(element, { plainText: true })]).then(([html, text]) => ({
      html,
      text,
    }));
    rendered.set(cacheKey, entry);
  }
  return entry;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char]!,
  );

type Fill = { link: string; manage: string };

async function fill(to: string, subject: string, cacheKey: string, element: ReactElement, values: Fill) {
  const { html, text } = await renderOnce(cacheKey, element);
  // Through functions: a "$&" in a value must not be read as a replacement pattern.
  const into = (template: string, escape: (value: string) => string) =>
    template.replaceAll(LINK, () => escape(values.link)).replaceAll(MANAGE, () => escape(values.manage));
  return { to, subject, html: into(html, escapeHtml), text: into(text, (value) => value) };
}

/** Turns a queued outbox row into the email to send; links are built from APP_URL, never a request. */
export async function composeEmail(message: OutboxMessage): Promise<OutgoingEmail> {
  const { appUrl, CONFIRM_TOKEN_TTL_HOURS } = getConfig();
  switch (message.template) {
    case "confirm-signature": {
      const payload = message.payload as ConfirmEmailPayload;
      const locale = payload.locale ?? "en";
      const link = `${appUrl}${localePath(locale, `/confirm/${deriveToken(getAuthSecret(), payload.tokenNonce)}`)}`;
      const validDays = Math.round(CONFIRM_TOKEN_TTL_HOURS / 24);
      const props = {
        locale,
        documentTitle: payload.documentTitle,
        confirmUrl: LINK,
        manageUrl: MANAGE,
        validDays,
      };
      const key = `confirm\u0000${locale}\u0000${props.documentTitle}\u0000${validDays}`;
      const values = { link, manage: signerManageUrl(payload, locale) };
      return fill(message.recipient, confirmSignatureSubject(props), key, <ConfirmSignature {...props} />, values);
    }
    case "already-signed": {
      const payload = message.payload as AlreadySignedPayload;
      const locale = payload.locale ?? "en";
      const link = `${appUrl}${localePath(locale, documentPath(payload.documentKind, payload.documentSlug))}`;
      const props = { locale, documentTitle: payload.documentTitle, documentUrl: LINK, manageUrl: MANAGE };
      const key = `already\u0000${locale}\u0000${props.documentTitle}`;
      const values = { link, manage: signerManageUrl(payload, locale) };
      return fill(message.recipient, alreadySignedSubject(props), key, <AlreadySigned {...props} />, values);
    }
    case UPDATE_TEMPLATE: {
      const payload = message.payload as UpdatePayload;
      const update = await loadUpdate(payload.updateId);
      if (!update) throw new Error(`Update ${payload.updateId} not found`);
      const locale = payload.locale ?? "en";
      const props = updateProps(update.texts, locale, LINK, MANAGE);
      const values = {
        link: unsubscribeUrl(payload.signatureId, locale),
        manage: signerManageUrl(payload, locale),
      };
      const email = await fill(
        message.recipient,
        props.subject,
        `update\u0000${update.id}\u0000${locale}`,
        <CampaignUpdate {...props} />,
        values,
      );
      return { ...email, headers: listUnsubscribeHeaders(oneClickUnsubscribeUrl(payload.signatureId)) };
    }
    case MANAGE_LINK_TEMPLATE: {
      const payload = message.payload as ManageLinkPayload;
      const props = { locale: payload.locale, documentTitle: payload.documentTitle, manageUrl: LINK };
      const key = `manage-link\u0000${props.locale}\u0000${props.documentTitle}`;
      const link = manageUrl(payload.signatureId, payload.manageVersion, payload.locale);
      return fill(message.recipient, newManageLinkSubject(props), key, <NewManageLink {...props} />, {
        link,
        manage: link,
      });
    }
    case ADMIN_SIGN_IN_TEMPLATE:
      return composeAdminSignIn(message.recipient, message.payload as AdminSignInPayload);
    case MILESTONE_TEMPLATE: {
      const { documentTitle, kind, slug, threshold, count, goal } = message.payload as MilestonePayload;
      const props = { documentTitle, kind, threshold, count, goal, pageUrl: `${appUrl}${documentPath(kind, slug)}` };
      return renderEmail(message.recipient, milestoneReachedSubject(props), <MilestoneReached {...props} />);
    }
    default:
      throw new Error(`Unknown email template "${message.template}"`);
  }
}

/**
 * The private link as it was when the email was queued: a retry sends the same email under the same
 * idempotency key, and a link the signer has since replaced stays void. Emails queued before link
 * versions existed have none: they were version 1.
 */
function signerManageUrl(payload: { signatureId?: number; manageVersion?: number }, locale: Locale) {
  return payload.signatureId ? manageUrl(payload.signatureId, payload.manageVersion ?? 1, locale) : getConfig().appUrl;
}

function updateProps(texts: UpdateTexts, locale: Locale, unsubscribe: string, manage: string) {
  const textLocale = texts[locale] ? locale : "en";
  const { subject, body } = texts[textLocale] ?? texts.en;
  return { locale, textLocale, subject, body, unsubscribeUrl: unsubscribe, manageUrl: manage };
}

// RFC 2369 and RFC 8058: mail programs show an unsubscribe button that POSTs to the address, no sign-in.
const listUnsubscribeHeaders = (url: string) => ({
  "List-Unsubscribe": `<${url}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

/** An update's email as a signer in `locale` will get it, for the organisers' preview (with example links). */
export async function composeUpdatePreview(texts: UpdateTexts, locale: Locale): Promise<OutgoingEmail> {
  const { appUrl } = getConfig();
  const example = (path: string) => `${appUrl}${localePath(locale, path)}`;
  const props = updateProps(texts, locale, example("/unsubscribe/example"), example("/signature/example"));
  const email = await renderEmail("", props.subject, <CampaignUpdate {...props} />);
  return { ...email, headers: listUnsubscribeHeaders(`${appUrl}/api/unsubscribe/example`) };
}

export const ADMIN_SIGN_IN_TEMPLATE = "admin-sign-in";
/** An organiser's sign-in link without its token, and the nonce the token is derived from. */
export type AdminSignInPayload = { link: string; tokenNonce: string; validMinutes: number };

async function composeAdminSignIn(to: string, payload: AdminSignInPayload): Promise<OutgoingEmail> {
  const url = new URL(payload.link);
  url.searchParams.set("token", deriveToken(getAuthSecret(), payload.tokenNonce));
  const email = await renderEmail(
    to,
    adminSignInSubject(),
    <AdminSignIn url={url.toString()} validMinutes={payload.validMinutes} />,
  );
  // Marks it in the local mailbox, which shows an organiser only their own sign-in links.
  return { ...email, headers: { [SIGN_IN_HEADER]: "admin-sign-in" } };
}
