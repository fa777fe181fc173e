"use server";

import {
  addMember,
  createDispatch,
  DeliveryError,
  getFeaturedDelegation,
  recordDelivery,
  removeMember,
  updateDelegationTexts,
} from "@/db/queries/delegations";
import { adminAction } from "@/server/admin/action";
import {
  delegationTextsSchema,
  deliveryInputSchema,
  dispatchInputSchema,
  memberIdSchema,
  memberInputSchema,
} from "@/server/admin/inputs/delegation-input";

const PAGE = "/admin/delegation";
const noDelegation = { errors: { form: "There is no delegation to change." } };

export const postDispatchAction = adminAction(dispatchInputSchema, async (input, { admin }) => {
  const delegation = await getFeaturedDelegation();
  if (!delegation) return noDelegation;
  const dispatch = await createDispatch(delegation, input, admin.email);
  return {
    redirectTo: `${PAGE}?posted=1`,
    refresh: true,
    audit: {
      action: "dispatch.create",
      targetType: "dispatch",
      targetId: dispatch.id,
      details: { dated: dispatch.dated },
    },
  };
});

export const recordDeliveryAction = adminAction(deliveryInputSchema, async (input, { admin }) => {
  const delegation = await getFeaturedDelegation();
  if (!delegation) return noDelegation;
  let deliveryId: number;
  try {
    deliveryId = (await recordDelivery(delegation.id, input, admin.email)).id;
  } catch (error) {
    if (error instanceof DeliveryError) return { errors: { form: error.message } };
    throw error;
  }
  return {
    redirectTo: `${PAGE}?recorded=1`,
    refresh: true,
    audit: {
      action: "delivery.record",
      targetType: "delivery",
      targetId: deliveryId,
      details: { deliveredOn: input.deliveredOn, place: input.place, items: input.items },
    },
  };
});

export const updateDelegationTextsAction = adminAction(delegationTextsSchema, async (texts) => {
  const delegation = await getFeaturedDelegation();
  if (!delegation) return noDelegation;
  await updateDelegationTexts(delegation.id, texts);
  return {
    redirectTo: `${PAGE}?saved=text`,
    refresh: true,
    audit: {
      action: "delegation.update",
      targetType: "delegation",
      targetId: delegation.slug,
      details: { languages: Object.keys(texts) },
    },
  };
});

export const addMemberAction = adminAction(memberInputSchema, async (input) => {
  const delegation = await getFeaturedDelegation();
  if (!delegation) return noDelegation;
  const member = await addMember(delegation.id, input);
  return {
    redirectTo: `${PAGE}?saved=member`,
    refresh: true,
    audit: { action: "member.add", targetType: "member", targetId: member.id, details: { name: member.name } },
  };
});

export const removeMemberAction = adminAction(memberIdSchema, async ({ id }) => {
  const delegation = await getFeaturedDelegation();
  if (!delegation) return noDelegation;
  if ((await removeMember(delegation.id, id)) === 0)
    return { errors: { id: "Unknown member: it may have been removed already." } };
  return {
    redirectTo: `${PAGE}?saved=member`,
    refresh: true,
    audit: { action: "member.remove", targetType: "member", targetId: id },
  };
});
