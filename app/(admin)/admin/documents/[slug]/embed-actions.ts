"use server";

import { z } from "zod";
import { findDocumentBySlug, setEmbedOrigins } from "@/db/queries/documents";
import { documentSlug } from "@/lib/forms/form-fields";
import { parseOriginList } from "@/lib/security/embed-origins";
import { adminAction } from "@/server/admin/action";
import { forgetEmbedPolicies } from "@/server/public/embed-policy";

const embedOriginsSchema = z.object({
  slug: documentSlug,
  lang: z.enum(["en", "ru"]).catch("en"),
  embedOrigins: z
    .string({ error: "Write the sites as text." })
    .max(4000, "At most 4,000 characters.")
    .transform((text, context) => {
      const parsed = parseOriginList(text);
      if (parsed.ok) return parsed.origins;
      context.addIssue({
        code: "custom",
        message: `Not a site's origin (or more than 20): ${parsed.invalid.join(", ")}. Write each as https://example.org, with no path.`,
      });
      return z.NEVER;
    }),
});

/** Organisers choose which sites may frame a campaign's embeds (none listed: any site may). */
export const saveEmbedOriginsAction = adminAction(embedOriginsSchema, async ({ slug, lang, embedOrigins }) => {
  const document = await findDocumentBySlug(slug);
  if (!document) return { errors: { slug: "Unknown document." } };
  const before = await setEmbedOrigins(document.id, embedOrigins);
  forgetEmbedPolicies();
  const after = embedOrigins.length > 0 ? embedOrigins.join(" ") : null;
  return {
    redirectTo: `/admin/documents/${document.slug}?lang=${lang}&saved=embeds#embeds`,
    audit:
      before === after
        ? undefined
        : {
            action: "document.embed-origins",
            targetType: "document",
            targetId: document.slug,
            details: { from: before ?? "any site", to: after ?? "any site" },
          },
  };
});
