"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/db/queries/audit";
import { createDispatch, DeliveryError, getFeaturedDelegation, recordDelivery } from "@/db/queries/delegations";
import { requireAdmin } from "@/lib/auth-guard";
import { deliveryFromForm, deliveryInputSchema, dispatchInputSchema } from "@/lib/delegation-input";
import { refreshPublicDocuments } from "@/lib/public-cache";

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
