"use server";

import { z } from "zod";
import { UNREADABLE_FORM } from "@/lib/action-request";
import { findDocumentBySlug } from "@/db/queries/documents";
import { messagesByField } from "@/lib/form-fields";
import { resendSignatureEmail } from "@/lib/signing";

export type ResendState = { sent?: boolean; errors?: { email?: string; document?: string; form?: string }; email?: string } | null;

const resendSchema = z.object({
  email: z.string("Please enter a valid email address, like name@example.org.").trim()
    .max(254, "An email address is at most 254 characters.")
    .pipe(z.email("Please enter a valid email address, like name@example.org.")),
  document: z.string("Please choose what you signed.").min(1, "Please choose what you signed.")
    .max(200, "Please choose what you signed."),
});

export async function resendAction(_previous: ResendState, form: FormData): Promise<ResendState> {
  if (!(form instanceof FormData)) return { errors: { form: UNREADABLE_FORM } }; // bound arguments tampered with
  const raw = { email: form.get("email") ?? "", document: form.get("document") ?? "" };
  const parsed = resendSchema.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) return { errors: messagesByField(parsed.error), email };
  const document = await findDocumentBySlug(parsed.data.document);
  if (document?.status === "open") await resendSignatureEmail(document, parsed.data.email);
  // Same answer whatever happened: nobody learns from this form whether an address has signed.
  return { sent: true };
}
