"use server";

import { createDocument } from "@/db/queries/campaigns";
import { adminAction } from "@/server/admin/action";
import { newDocumentSchema } from "@/server/admin/inputs/campaign-input";

export const createDocumentAction = adminAction(newDocumentSchema, async (input) => {
  const { kind, newSlug: slug, goal, languages, closesAt, title, summary, body, addressee, authors } = input;
  if (closesAt && closesAt.getTime() <= Date.now())
    return { errors: { closesAt: "The closing date must be in the future." } };
  const created = await createDocument({
    kind,
    slug,
    goal,
    languages,
    closesAt,
    // A petition has no authors of its own: its signers are its voice.
    text: { title, summary, body, addressee, authors: kind === "letter" ? authors : [] },
  });
  if (!created) return { errors: { newSlug: "That address is taken (by another document now or before)." } };
  return {
    redirectTo: `/admin/documents/${created.slug}?created=1`,
    audit: {
      action: "document.create",
      targetType: "document",
      targetId: created.slug,
      details: { kind, goal, languages, closesAt: closesAt?.toISOString() ?? null },
    },
  };
});
