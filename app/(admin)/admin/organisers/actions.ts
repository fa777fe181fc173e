"use server";

import { after } from "next/server";
import { revokeSessionsOf } from "@/db/queries/admin-sessions";
import { queueEmail } from "@/db/queries/outbox";
import {
  changeOrganiserRole,
  inviteOrganiser,
  removeOrganiser,
  type OwnerChangeRefusal,
} from "@/db/queries/organisers";
import { ORGANISER_INVITATION_TEMPLATE, type OrganiserInvitationPayload } from "@/emails/compose";
import { bootstrapOwnerAddresses, isAdminEmail } from "@/lib/security/admins";
import { roleAction } from "@/server/admin/action";
import { inviteInputSchema, removalInputSchema, roleChangeInputSchema } from "@/server/admin/inputs/organiser-input";
import { nudgeOutbox } from "@/server/jobs/outbox-worker";

const PAGE = "/admin/organisers";
const BOOTSTRAP = "This owner is set by ADMIN_EMAILS on the server: change it there, not here.";
const refusals: Record<OwnerChangeRefusal, string> = {
  unknown: "Unknown organiser: the list may have changed. Reload the page.",
  "last-owner": "The campaign must keep at least one owner: make someone else an owner first.",
};

/** Invites an address with a role and emails it; the first sign-in with that address accepts. */
export const inviteOrganiserAction = roleAction("owner", inviteInputSchema, async ({ email, role }, { admin }) => {
  if (isAdminEmail(email)) return { errors: { email: "That address is already an owner (ADMIN_EMAILS)." } };
  const result = await inviteOrganiser({ email, role, invitedBy: admin.email });
  if (!result.invited) return { errors: { email: `That address is already on the list, as ${result.existing.role}.` } };
  const payload: OrganiserInvitationPayload = { role };
  await queueEmail(ORGANISER_INVITATION_TEMPLATE, email, payload);
  after(nudgeOutbox);
  return {
    redirectTo: `${PAGE}?invited=1`,
    audit: { action: "organiser.invite", targetType: "organiser", targetId: email, details: { role } },
  };
});

export const changeRoleAction = roleAction("owner", roleChangeInputSchema, async ({ email, role }) => {
  if (isAdminEmail(email)) return { errors: { email: BOOTSTRAP } };
  const changed = await changeOrganiserRole(email, role, bootstrapOwnerAddresses().length);
  if (!changed.ok) return { errors: { email: refusals[changed.reason] } };
  return {
    redirectTo: `${PAGE}?changed=1`,
    audit: {
      action: "organiser.role-change",
      targetType: "organiser",
      targetId: email,
      details: { from: changed.value.from, to: role },
    },
  };
});

/** Removes an organiser or withdraws an invitation; their open sessions end with it. */
export const removeOrganiserAction = roleAction("owner", removalInputSchema, async ({ email }) => {
  if (isAdminEmail(email)) return { errors: { email: BOOTSTRAP } };
  const removed = await removeOrganiser(email, bootstrapOwnerAddresses().length);
  if (!removed.ok) return { errors: { email: refusals[removed.reason] } };
  const sessions = await revokeSessionsOf(email);
  return {
    redirectTo: `${PAGE}?removed=1`,
    audit: {
      action: "organiser.remove",
      targetType: "organiser",
      targetId: email,
      details: { role: removed.value.role, sessionsEnded: sessions },
    },
  };
});
