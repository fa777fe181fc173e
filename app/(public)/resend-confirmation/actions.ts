"use server";

import { z } from "zod";
import { getDocumentBySlug } from "@/db/queries/documents";
import { documentKinds } from "@/db/schema";
import { resendSignatureEmail } from "@/lib/signing";

export type ResendState = { sent?: boolean; errors?: { email?: string; document?: string }; email?: string } | null;

const resendSchema = z.object({
  email: z.string().trim().max(254, "An email address is at most 254 characters.")
    .pipe(z.email("Please enter a valid email address, like name@example.org.")),
  document: z.string().min(1, "Please choose what you signed.").max(200),
});

export async function resendAction(_previous: ResendState, form: FormData): Promise<ResendState> {
  const raw = { email: form.get("email") ?? "", document: form.get("document") ?? "" };
  const parsed = resendSchema.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) {
    const errors: NonNullable<ResendState>["errors"] = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as "email" | "document"] ??= issue.message;
    return { errors, email };
  }
  for (const kind of documentKinds) {
    const document = await getDocumentBySlug(kind, parsed.data.document);
    if (document && document.status === "open") {
      await resendSignatureEmail(document, parsed.data.email);
      break;
    }
  }
  // Same answer whatever happened: nobody learns from this form whether an address has signed.
  return { sent: true };
}
