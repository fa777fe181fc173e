"use server";

import {
  createDelegation,
  delegationFootprint,
  deleteDelegation,
  getDelegationBySlug,
  setCarriedDocuments,
  updateDelegationTexts,
} from "@/db/queries/delegations";
import { addMember, moveMember, removeMember, updateMember } from "@/db/queries/delegation-members";
import { createDispatch, deleteDispatch, updateDispatch } from "@/db/queries/delegation-dispatches";
import { DeliveryError, recordDelivery } from "@/db/queries/delegation-deliveries";
import type { z } from "zod";
import type { Delegation } from "@/db/schema";
import { adminAction } from "@/server/admin/action";
import {
  carriedDocumentsSchema,
  delegationDeletionSchema,
  delegationTextsSchema,
  deliveryInputSchema,
  dispatchEditSchema,
  dispatchIdSchema,
  dispatchInputSchema,
  forDelegation,
  memberEditSchema,
  memberIdSchema,
  memberInputSchema,
  memberMoveSchema,
  newDelegationSchema,
} from "@/server/admin/inputs/delegation-input";

const pageOf = (delegation: Delegation) => `/admin/delegations/${delegation.slug}`;
const unknownDelegation = { errors: { form: "This delegation no longer exists." } };

type Outcome = Awaited<ReturnType<Parameters<typeof adminAction>[1]>>;

/** An action on one delegation's page: the form's hidden "delegation" field names it. */
function delegationAction<Schema extends z.ZodType<object>>(
  schema: Schema,
  handler: (input: z.output<Schema>, context: { delegation: Delegation; actor: string }) => Promise<Outcome>,
) {
  return adminAction(forDelegation(schema), async (input, { admin }) => {
    const { delegation: slug, ...fields } = input;
    const delegation = await getDelegationBySlug(slug);
    if (!delegation) return unknownDelegation;
    return handler(fields as z.output<Schema>, { delegation, actor: admin.email });
  });
}

export const createDelegationAction = adminAction(newDelegationSchema, async ({ slug, ...texts }) => {
  const delegation = await createDelegation(slug, texts);
  if (!delegation) return { errors: { slug: "Another delegation already has this address." } };
  return {
    redirectTo: `${pageOf(delegation)}?saved=created`,
    refresh: true,
    audit: { action: "delegation.create", targetType: "delegation", targetId: slug },
  };
});

export const postDispatchAction = delegationAction(dispatchInputSchema, async (input, { delegation, actor }) => {
  const dispatch = await createDispatch(delegation, { dated: input.dated, texts: input.texts }, actor);
  return {
    redirectTo: `${pageOf(delegation)}?posted=1`,
    refresh: true,
    audit: {
      action: "dispatch.create",
      targetType: "dispatch",
      targetId: dispatch.id,
      details: { dated: dispatch.dated },
    },
  };
});

export const editDispatchAction = delegationAction(dispatchEditSchema, async (input, { delegation }) => {
  if ((await updateDispatch(delegation.id, input.id, { dated: input.dated, texts: input.texts })) === 0)
    return { errors: { form: "Unknown dispatch: it may have been removed meanwhile." } };
  return {
    redirectTo: `${pageOf(delegation)}?saved=dispatch`,
    refresh: true,
    audit: { action: "dispatch.update", targetType: "dispatch", targetId: input.id, details: { dated: input.dated } },
  };
});

export const deleteDispatchAction = delegationAction(dispatchIdSchema, async ({ id }, { delegation }) => {
  if ((await deleteDispatch(delegation.id, id)) === 0)
    return { errors: { form: "Unknown dispatch: it may have been removed already." } };
  return {
    redirectTo: `${pageOf(delegation)}?saved=dispatch-removed`,
    refresh: true,
    audit: { action: "dispatch.delete", targetType: "dispatch", targetId: id },
  };
});

export const recordDeliveryAction = delegationAction(deliveryInputSchema, async (input, { delegation, actor }) => {
  let deliveryId: number;
  try {
    deliveryId = (await recordDelivery(delegation.id, input, actor)).id;
  } catch (error) {
    if (error instanceof DeliveryError) return { errors: { form: error.message } };
    throw error;
  }
  return {
    redirectTo: `${pageOf(delegation)}?recorded=1`,
    refresh: true,
    audit: {
      action: "delivery.record",
      targetType: "delivery",
      targetId: deliveryId,
      details: { deliveredOn: input.deliveredOn, place: input.place, items: input.items },
    },
  };
});

export const updateDelegationTextsAction = delegationAction(delegationTextsSchema, async (input, { delegation }) => {
  await updateDelegationTexts(delegation.id, input);
  return {
    redirectTo: `${pageOf(delegation)}?saved=text`,
    refresh: true,
    audit: {
      action: "delegation.update",
      targetType: "delegation",
      targetId: delegation.slug,
      details: { languages: Object.keys(input) },
    },
  };
});

export const setCarriedDocumentsAction = delegationAction(carriedDocumentsSchema, async (input, { delegation }) => {
  if (!(await setCarriedDocuments(delegation.id, input.documentIds)))
    return { errors: { form: "One of the documents no longer exists; reload the page." } };
  return {
    redirectTo: `${pageOf(delegation)}?saved=carried`,
    refresh: true,
    audit: {
      action: "delegation.carry",
      targetType: "delegation",
      targetId: delegation.slug,
      details: { documentIds: input.documentIds },
    },
  };
});

export const addMemberAction = delegationAction(memberInputSchema, async (input, { delegation }) => {
  const member = await addMember(delegation.id, { name: input.name, texts: input.texts });
  return {
    redirectTo: `${pageOf(delegation)}?saved=member`,
    refresh: true,
    audit: { action: "member.add", targetType: "member", targetId: member.id, details: { name: member.name } },
  };
});

export const editMemberAction = delegationAction(memberEditSchema, async (input, { delegation }) => {
  if ((await updateMember(delegation.id, input.id, { name: input.name, texts: input.texts })) === 0)
    return { errors: { form: "Unknown member: it may have been removed meanwhile." } };
  return {
    redirectTo: `${pageOf(delegation)}?saved=member#members-heading`,
    refresh: true,
    audit: { action: "member.update", targetType: "member", targetId: input.id, details: { name: input.name } },
  };
});

export const moveMemberAction = delegationAction(memberMoveSchema, async ({ id, move }, { delegation }) => {
  if (!(await moveMember(delegation.id, id, move)))
    return { errors: { form: "Unknown member: it may have been removed meanwhile." } };
  return {
    redirectTo: `${pageOf(delegation)}?saved=order#members-heading`,
    refresh: true,
    audit: { action: "member.move", targetType: "member", targetId: id, details: { move } },
  };
});

export const removeMemberAction = delegationAction(memberIdSchema, async ({ id }, { delegation }) => {
  if ((await removeMember(delegation.id, id)) === 0)
    return { errors: { id: "Unknown member: it may have been removed already." } };
  return {
    redirectTo: `${pageOf(delegation)}?saved=member`,
    refresh: true,
    audit: { action: "member.remove", targetType: "member", targetId: id },
  };
});

export const deleteDelegationAction = delegationAction(delegationDeletionSchema, async (_input, { delegation }) => {
  const footprint = await delegationFootprint(delegation.id);
  if (!(await deleteDelegation(delegation.id)))
    return {
      errors: {
        form: "This delegation has recorded deliveries or updates addressed through it, which must keep it: it was not deleted.",
      },
    };
  return {
    redirectTo: "/admin/delegations?deleted=1",
    refresh: true,
    audit: {
      action: "delegation.delete",
      targetType: "delegation",
      targetId: delegation.slug,
      details: { title: delegation.texts.en.title, members: footprint.members, dispatches: footprint.dispatches },
    },
  };
});
