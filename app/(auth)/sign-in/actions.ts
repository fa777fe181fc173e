"use server";

import { z } from "zod";
import { signIn } from "@/auth";

export type SignInState = { error?: string; email?: string } | null;

const emailSchema = z.string().trim().max(254).pipe(z.email("Please enter a valid email address."));

/** Only /admin pages may be the destination after signing in (no open redirect). */
function safeDestination(value: FormDataEntryValue | null): string {
  return typeof value === "string" && /^\/admin(?:[/?#]|$)/.test(value) && !value.startsWith("//") ? value : "/admin";
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const raw = form.get("email");
  const parsed = emailSchema.safeParse(raw ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0].message, email: typeof raw === "string" ? raw : "" };
  // Auth.js asks the signIn callback first: only allow-listed addresses are ever sent a link.
  await signIn("email", { email: parsed.data.toLowerCase(), redirectTo: safeDestination(form.get("callbackUrl")) });
  return null;
}
