"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/config";
import { documentPath } from "@/lib/collections";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { MANAGE_HANDOFF_COOKIE, MANAGE_HANDOFF_SECONDS, manageToken } from "@/lib/security/signer-links";
import { confirmByToken } from "@/server/signing/signing";
import { isWellFormedToken } from "@/lib/security/tokens";

// Nothing is bound: the token and the page's language come as fields, so the confirm button is one plain post.
export async function confirmAction(form: FormData): Promise<void> {
  const locale = toLocale(form instanceof FormData ? form.get("locale") : null);
  const token = form instanceof FormData ? form.get("token") : null; // not a form: arguments tampered with
  if (!isWellFormedToken(token)) redirect(localePath(locale, "/confirm/invalid"));
  const outcome = await confirmByToken(token);
  if (outcome.status === "just-confirmed") {
    const thanks = documentPath(outcome.document.kind, outcome.document.slug, "/thanks");
    const thanksPath = localePath(locale, thanks);
    const { id, manageLinkVersion } = outcome.signature;
    (await cookies()).set(MANAGE_HANDOFF_COOKIE, manageToken(id, manageLinkVersion), {
      path: thanksPath,
      maxAge: MANAGE_HANDOFF_SECONDS,
      httpOnly: true,
      sameSite: "lax",
      secure: getConfig().appUrl.startsWith("https://"),
    });
    redirect(thanksPath);
  }
  // Every other outcome (already confirmed, expired, closed, unknown) is explained on the confirm page.
  redirect(localePath(locale, `/confirm/${token}`));
}
