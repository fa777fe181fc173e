"use server";

import { redirect } from "next/navigation";
import { documentPath } from "@/lib/collections";
import { confirmByToken } from "@/lib/signing";
import { isWellFormedToken } from "@/lib/tokens";

export async function confirmAction(form: FormData): Promise<void> {
  const token = form instanceof FormData ? form.get("token") : null; // not a form: bound arguments tampered with
  if (!isWellFormedToken(token)) redirect("/confirm/invalid");
  const outcome = await confirmByToken(token);
  if (outcome.status === "just-confirmed") {
    redirect(documentPath(outcome.document.kind, outcome.document.slug, "/thanks"));
  }
  // Every other outcome (already confirmed, expired, closed, unknown) is explained on the confirm page.
  redirect(`/confirm/${token}`);
}
