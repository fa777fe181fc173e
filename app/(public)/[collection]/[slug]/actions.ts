"use server";

import { redirect } from "next/navigation";
import { documentPath } from "@/lib/collections";
import { UNREADABLE_FORM } from "@/lib/action-request";
import { findPublicDocument } from "@/lib/public-documents";
import { fieldErrors, signatureInputFromForm, signatureInputSchema, type FieldErrors } from "@/lib/signature-input";
import { signDocument } from "@/lib/signing";

export type SignFormState = { errors: FieldErrors; values: Record<string, unknown>; attempt: number } | null;

export async function signAction(
  collection: string,
  slug: string,
  previous: SignFormState,
  form: FormData,
): Promise<SignFormState> {
  // Every argument comes from the client, the bound ones too (hidden fields when JavaScript is off).
  if (!(form instanceof FormData)) return { errors: { form: UNREADABLE_FORM }, values: {}, attempt: 1 };
  const document = await findPublicDocument(String(collection), String(slug));
  const values = signatureInputFromForm(form);
  const attempt = (Number.isSafeInteger(previous?.attempt) ? previous!.attempt : 0) + 1;
  if (!document) return { errors: { form: "This document does not exist." }, values, attempt };
  const parsed = signatureInputSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, attempt };
  const outcome = await signDocument(document, parsed.data);
  if (outcome === "not-open") {
    return { errors: { form: "This document is not open for signatures." }, values, attempt };
  }
  redirect(documentPath(document.kind, document.slug, "/sent"));
}
