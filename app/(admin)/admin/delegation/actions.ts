"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/db/queries/audit";
import { z } from "zod";
import {
  addMember,
  createDispatch,
  DeliveryError,
  getFeaturedDelegation,
  recordDelivery,
  removeMember,
  updateDelegationTexts,
} from "@/db/queries/delegations";
import { requireAdmin } from "@/server/auth/auth-guard";
import {
  delegationTextsSchema,
  deliveryFromForm,
  deliveryInputSchema,
  dispatchInputSchema,
  memberInputSchema,
} from "@/server/admin/inputs/delegation-input";
import { refreshPublicDocuments } from "@/server/public/public-cache";

const back = (query: string) => redirect(`/admin/delegation?${query}`);

export async function postDispatchAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const delegation = await getFeaturedDelegation();
  if (!delegation) back("error=no-delegation");
  const parsed = dispatchInputSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) back(`error=${encodeURIComponent(parsed.error.issues[0].message)}`);
  const dispatch = await createDispatch(delegation!, parsed.data!, admin.email);
  refreshPublicDocuments();
  await recordAudit({ actor: admin.email, action: "dispatch.create", targetType: "dispatch", targetId: dispatch.id, details: { dated: dispatch.dated } });
  back("posted=1");
}

export async function recordDeliveryAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const delegation = await getFeaturedDelegation();
  if (!delegation) back("error=no-delegation");
  const parsed = deliveryInputSchema.safeParse(deliveryFromForm(form));
  if (!parsed.success) back(`error=${encodeURIComponent(parsed.error.issues[0].message)}`);
  let deliveryId: number;
  try {
    deliveryId = (await recordDelivery(delegation!.id, parsed.data!, admin.email)).id;
  } catch (error) {
    if (error instanceof DeliveryError) back(`error=${encodeURIComponent(error.message)}`);
    throw error;
  }
  refreshPublicDocuments();
  await recordAudit({
    actor: admin.email,
    action: "delivery.record",
    targetType: "delivery",
    targetId: deliveryId!,
    details: { deliveredOn: parsed.data!.deliveredOn, place: parsed.data!.place, items: parsed.data!.items },
  });
  back("recorded=1");
}

export async function updateDelegationTextsAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const delegation = await getFeaturedDelegation();
  if (!delegation) back("error=no-delegation");
  const parsed = delegationTextsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) back(`error=${encodeURIComponent(parsed.error.issues[0].message)}`);
  await updateDelegationTexts(delegation!.id, parsed.data!);
  refreshPublicDocuments();
  await recordAudit({ actor: admin.email, action: "delegation.update", targetType: "delegation", targetId: delegation!.slug, details: { languages: Object.keys(parsed.data!) } });
  back("saved=text");
}

export async function addMemberAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const delegation = await getFeaturedDelegation();
  if (!delegation) back("error=no-delegation");
  const parsed = memberInputSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) back(`error=${encodeURIComponent(parsed.error.issues[0].message)}`);
  const member = await addMember(delegation!.id, parsed.data!);
  refreshPublicDocuments();
  await recordAudit({ actor: admin.email, action: "member.add", targetType: "member", targetId: member.id, details: { name: member.name } });
  back("saved=member");
}

const memberIdSchema = z.coerce.number().int().positive();

export async function removeMemberAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const delegation = await getFeaturedDelegation();
  const id = memberIdSchema.safeParse(form.get("id"));
  if (!delegation || !id.success) back("error=Unknown member.");
  if ((await removeMember(delegation!.id, id.data!)) > 0) {
    refreshPublicDocuments();
    await recordAudit({ actor: admin.email, action: "member.remove", targetType: "member", targetId: id.data! });
  }
  back("saved=member");
}
