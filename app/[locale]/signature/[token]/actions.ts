"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { setDisplayChoice, setUpdatesForSigner } from "@/db/queries/self-service";
import { withdrawAndForget } from "@/server/signing/withdrawal";
import { displayChoices } from "@/lib/vocabulary";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { refreshPublicDocuments } from "@/server/public/public-pages";
import { sendNewManageLink, verifyManageLink } from "@/server/signing/manage-links";

const choiceSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("display"), display: z.enum(displayChoices) }),
  z.object({ intent: z.literal("updates"), updates: z.enum(["on", "off"]) }),
  z.object({ intent: z.literal("withdraw"), confirm: z.literal("yes") }),
  z.object({ intent: z.literal("renew") }),
]);

/** Every change a signer makes through their private link; the token is the only credential. */
export async function manageAction(localeParam: string, token: string, form: FormData): Promise<void> {
  const locale = toLocale(localeParam);
  const page = localePath(locale, `/signature/${token}`);
  const link = await verifyManageLink(token);
  if (link === null) redirect(page);
  const parsed = choiceSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect(`${page}?error=1`);
  const choice = parsed.data;
  if (choice.intent === "renew") {
    const outcome = await sendNewManageLink(link, locale, await headers());
    // Renewed, this page's address is void: the answer has a page of its own, with nothing of the signature.
    redirect(outcome === "renewed" ? localePath(locale, "/signature/renewed") : `${page}?renew=${outcome}`);
  }
  if (choice.intent === "display") await setDisplayChoice(link.id, choice.display);
  if (choice.intent === "updates") await setUpdatesForSigner(link.id, choice.updates === "on");
  if (choice.intent === "withdraw") await withdrawAndForget(link.id);
  await refreshPublicDocuments();
  redirect(`${page}?saved=${choice.intent}`);
}
