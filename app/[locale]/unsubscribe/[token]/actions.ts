"use server";

import { redirect } from "next/navigation";
import { setUpdatesForSigner } from "@/db/queries/self-service";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { verifySignerToken } from "@/lib/security/signer-links";

export async function unsubscribeAction(localeParam: string, token: string): Promise<void> {
  const id = verifySignerToken("unsubscribe", token);
  if (id !== null) await setUpdatesForSigner(id, false);
  redirect(`${localePath(toLocale(localeParam), `/unsubscribe/${token}`)}?done=1`);
}
