"use server";

import { changeDocumentSlug, updateDocumentSchedule } from "@/db/queries/campaigns";
import { findDocumentBySlug } from "@/db/queries/documents";
import { saveDocumentFaq } from "@/db/queries/faqs";
import { getDocumentResponse, saveDocumentResponse } from "@/db/queries/responses";
import { adminAction } from "@/server/admin/action";
import { faqSchema, responseSchema, scheduleSchema } from "@/server/admin/inputs/campaign-input";
import { draftResponseUpdate } from "@/server/updates/response-update";

const UNKNOWN = { form: "Unknown document." };

export const scheduleAction = adminAction(scheduleSchema, async ({ slug, newSlug, closesAt, languages }) => {
  const document = await findDocumentBySlug(slug);
  if (!document) return { errors: UNKNOWN };
  const closingChanged = (document.closesAt?.getTime() ?? null) !== (closesAt?.getTime() ?? null);
  // A past date on an open document would close it at the job's next pass: closing is the status's job.
  if (closingChanged && closesAt && closesAt.getTime() <= Date.now() && document.status !== "closed")
    return { errors: { closesAt: "The closing date must be in the future (to close it now, set its status)." } };
  const renamed = await changeDocumentSlug(document.id, newSlug);
  if (!renamed) return { errors: UNKNOWN };
  if (renamed.status === "taken")
    return { errors: { newSlug: "That address is taken (by another document now or before)." } };
  await updateDocumentSchedule(document.id, { closesAt, languages });
  return {
    redirectTo: `/admin/documents/${newSlug}?saved=1`,
    refresh: true,
    audit: {
      action: "document.schedule",
      targetType: "document",
      targetId: newSlug,
      details: {
        ...(renamed.status === "changed" ? { slug: { from: renamed.from, to: newSlug } } : {}),
        closesAt: closesAt?.toISOString() ?? null,
        languages,
      },
    },
  };
});

export const responseAction = adminAction(responseSchema, async (input, { admin }) => {
  const document = await findDocumentBySlug(input.slug);
  if (!document) return { errors: UNKNOWN };
  const response =
    input.responseText && input.respondedOn
      ? { respondedAt: input.respondedOn, text: input.responseText, sourceUrl: input.sourceUrl }
      : null;
  const before = await getDocumentResponse(document.id);
  await saveDocumentResponse(document.id, response, input.outcome);
  const audit = {
    targetType: "document",
    targetId: document.slug,
    details: { outcome: input.outcome, response: response ? "recorded" : before ? "removed" : "none" },
  };
  if (input.intent === "notify" && response) {
    const update = await draftResponseUpdate(document, response, admin.email);
    return {
      redirectTo: `/admin/updates/${update.id}`,
      refresh: true,
      audit: { ...audit, action: "document.response", details: { ...audit.details, updateDraft: update.id } },
    };
  }
  return {
    redirectTo: `/admin/documents/${document.slug}?saved=1#response`,
    refresh: true,
    audit: { ...audit, action: "document.response" },
  };
});

export const faqAction = adminAction(faqSchema, async (input) => {
  const document = await findDocumentBySlug(input.slug);
  if (!document) return { errors: UNKNOWN };
  await saveDocumentFaq(document.id, "en", input["faq-en"]);
  await saveDocumentFaq(document.id, "ru", input["faq-ru"]);
  return {
    redirectTo: `/admin/documents/${document.slug}?saved=1#faq`,
    refresh: true,
    audit: {
      action: "document.faq",
      targetType: "document",
      targetId: document.slug,
      details: { questions: { en: input["faq-en"].length, ru: input["faq-ru"].length } },
    },
  };
});
