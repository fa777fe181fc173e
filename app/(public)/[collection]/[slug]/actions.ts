"use server";

import { redirect } from "next/navigation";
import { documentPath } from "@/lib/collections";
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
  const document = await findPublicDocument(String(collection), String(slug));
  const values = signatureInputFromForm(form);
  const attempt = (previous?.attempt ?? 0) + 1;
  if (!document) return { errors: { form: "This document does not exist." }, values, attempt };
  const parsed = signatureInputSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, attempt };
  const outcome = await signDocument(document, parsed.data);
  if (outcome === "not-open") {
    return { errors: { form: "This document is not open for signatures." }, values, attempt };
  }
  redirect(documentPath(document.kind, document.slug, "/sent"));
}
