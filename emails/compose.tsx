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
import OrganiserInvitation, { organiserInvitationSubject } from "@/emails/templates/organiser-invitation";
import type { EmailSender } from "@/emails/templates/email-layout";
import type { OrganiserRole } from "@/lib/vocabulary";
import { loadOrganisation } from "./organisation-source";
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
  const { name, postalAddress } = await loadOrganisation();
  // Every email is headed by the organisation's name; the cache keys carry it, so a new name is used at once.
  const sender: EmailSender = { name };
  switch (message.template) {
    case "confirm-signature": {
      const payload = message.payload as ConfirmEmailPayload;
      const locale = payload.locale ?? "en";
      const link = `${appUrl}${localePath(locale, `/confirm/${deriveToken(getAuthSecret(), payload.tokenNonce)}`)}`;
      const validDays = Math.round(CONFIRM_TOKEN_TTL_HOURS / 24);
      const props = {
        sender,
        locale,
        documentTitle: payload.documentTitle,
        confirmUrl: LINK,
        manageUrl: MANAGE,
        validDays,
      };
      const key = `confirm\u0000${name}\u0000${locale}\u0000${props.documentTitle}\u0000${validDays}`;
      const values = { link, manage: signerManageUrl(payload, locale) };
      return fill(message.recipient, confirmSignatureSubject(props), key, <ConfirmSignature {...props} />, values);
    }
    case "already-signed": {
      const payload = message.payload as AlreadySignedPayload;
      const locale = payload.locale ?? "en";
      const link = `${appUrl}${localePath(locale, documentPath(payload.documentKind, payload.documentSlug))}`;
      const props = { sender, locale, documentTitle: payload.documentTitle, documentUrl: LINK, manageUrl: MANAGE };
      const key = `already\u0000${name}\u0000${locale}\u0000${props.documentTitle}`;
      const values = { link, manage: signerManageUrl(payload, locale) };
      return fill(message.recipient, alreadySignedSubject(props), key, <AlreadySigned {...props} />, values);
    }
    case UPDATE_TEMPLATE: {
      const payload = message.payload as UpdatePayload;
      const update = await loadUpdate(payload.updateId);
      if (!update) throw new Error(`Update ${payload.updateId} not found`);
      const locale = payload.locale ?? "en";
      // Bulk email carries who sent it and where they can be written to.
      const props = updateProps({ name, postalAddress }, update.texts, locale, LINK, MANAGE);
      const values = {
        link: unsubscribeUrl(payload.signatureId, locale),
        manage: signerManageUrl(payload, locale),
      };
      const email = await fill(
        message.recipient,
        props.subject,
        `update\u0000${update.id}\u0000${locale}\u0000${name}\u0000${postalAddress}`,
        <CampaignUpdate {...props} />,
        values,
      );
      return { ...email, headers: listUnsubscribeHeaders(oneClickUnsubscribeUrl(payload.signatureId)) };
    }
    case MANAGE_LINK_TEMPLATE: {
      const payload = message.payload as ManageLinkPayload;
      const props = { sender, locale: payload.locale, documentTitle: payload.documentTitle, manageUrl: LINK };
      const key = `manage-link\u0000${name}\u0000${props.locale}\u0000${props.documentTitle}`;
      const link = manageUrl(payload.signatureId, payload.manageVersion, payload.locale);
      return fill(message.recipient, newManageLinkSubject(props), key, <NewManageLink {...props} />, {
        link,
        manage: link,
      });
    }
    case ADMIN_SIGN_IN_TEMPLATE:
      return composeAdminSignIn(message.recipient, message.payload as AdminSignInPayload, sender);
    case ORGANISER_INVITATION_TEMPLATE:
      return composeInvitation(message.recipient, message.payload as OrganiserInvitationPayload, sender);
    case MILESTONE_TEMPLATE: {
      const { documentTitle, kind, slug, threshold, count, goal } = message.payload as MilestonePayload;
      const props = {
        sender,
        documentTitle,
        kind,
        threshold,
        count,
        goal,
        pageUrl: `${appUrl}${documentPath(kind, slug)}`,
      };
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

function updateProps(sender: EmailSender, texts: UpdateTexts, locale: Locale, unsubscribe: string, manage: string) {
  const textLocale = texts[locale] ? locale : "en";
  const { subject, body } = texts[textLocale] ?? texts.en;
  return { sender, locale, textLocale, subject, body, unsubscribeUrl: unsubscribe, manageUrl: manage };
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
  const { name, postalAddress } = await loadOrganisation();
  const props = updateProps(
    { name, postalAddress },
    texts,
    locale,
    example("/unsubscribe/example"),
    example("/signature/example"),
  );
  const email = await renderEmail("", props.subject, <CampaignUpdate {...props} />);
  return { ...email, headers: listUnsubscribeHeaders(`${appUrl}/api/unsubscribe/example`) };
}

export const ADMIN_SIGN_IN_TEMPLATE = "admin-sign-in";
/** An organiser's sign-in link without its token, and the nonce the token is derived from. */
export type AdminSignInPayload = { link: string; tokenNonce: string; validMinutes: number };

async function composeAdminSignIn(
  to: string,
  payload: AdminSignInPayload,
  sender: EmailSender,
): Promise<OutgoingEmail> {
  const url = new URL(payload.link);
  url.searchParams.set("token", deriveToken(getAuthSecret(), payload.tokenNonce));
  const email = await renderEmail(
    to,
    adminSignInSubject(),
    <AdminSignIn sender={sender} url={url.toString()} validMinutes={payload.validMinutes} />,
  );
  // Marks it in the local mailbox, which shows an organiser only their own sign-in links.
  return { ...email, headers: { [SIGN_IN_HEADER]: "admin-sign-in" } };
}

export const ORGANISER_INVITATION_TEMPLATE = "organiser-invitation";
/** An invitation to the organisers' pages: the role it grants. The sign-in page is linked, never a token. */
export type OrganiserInvitationPayload = { role: OrganiserRole };

const roleWords: Record<OrganiserRole, { name: string; description: string }> = {
  owner: {
    name: "an owner",
    description: "you can do everything, including inviting organisers and changing their roles.",
  },
  organiser: {
    name: "an organiser",
    description:
      "you can edit the campaign's texts and delegations, send updates, build dossiers and export signatures.",
  },
  moderator: {
    name: "a moderator",
    description: "you can review signatures, reject them and restore them, seeing names and countries only.",
  },
};

async function composeInvitation(
  to: string,
  payload: OrganiserInvitationPayload,
  sender: EmailSender,
): Promise<OutgoingEmail> {
  const words = roleWords[payload.role] ?? roleWords.moderator;
  const props = {
    sender,
    roleName: words.name,
    roleDescription: words.description,
    signInUrl: `${getConfig().appUrl}/sign-in`,
  };
  return renderEmail(to, organiserInvitationSubject(props), <OrganiserInvitation {...props} />);
}
