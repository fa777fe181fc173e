"use server";

import { z } from "zod";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { CHECK_EMAIL_PAGE, signIn } from "@/auth";
import { UNREADABLE_FORM } from "@/lib/security/action-request";
import { answerAfterFloor, signInFloorStart } from "@/server/auth/answer-floor";
import { allowSignInLink } from "@/server/auth/sign-in-requests";
import { nudgeOutbox } from "@/server/jobs/outbox-worker";

export type SignInState = { error?: string; email?: string } | null;

// Looser than the signing form's check: organiser addresses may be local ones such as admin@localhost.
const emailSchema = z
  .string("Please enter a valid email address.")
  .trim()
  .max(254, "An email address is at most 254 characters.")
  .regex(/^[^\s@,\u0000-\u001f\u007f]+@[^\s@,\u0000-\u001f\u007f]+$/, "Please enter a valid email address.");

/** Only /admin pages may be the destination after signing in (no open redirect). */
function safeDestination(value: FormDataEntryValue | null): string {
  return typeof value === "string" && /^\/admin(?:[/?#]|$)/.test(value) && !value.startsWith("//") ? value : "/admin";
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  if (!(form instanceof FormData)) return { error: UNREADABLE_FORM, email: "" }; // bound arguments tampered with
  const raw = form.get("email");
  const parsed = emailSchema.safeParse(raw ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0].message, email: typeof raw === "string" ? raw : "" };
  // From here on organisers and strangers take the same steps and get the same answer at the same moment:
  // neither the allow-list nor the throttle may be read from the answer or its timing.
  const started = signInFloorStart();
  const email = parsed.data.toLowerCase();
  let failed = false;
  if (await allowSignInLink(email, await headers())) {
    // Auth.js asks the signIn callback first: only allow-listed addresses are ever sent a link.
    const next: unknown = await signIn("email", {
      email,
      redirectTo: safeDestination(form.get("callbackUrl")),
      redirect: false,
    });
    failed = typeof next === "string" && new URL(next, "http://x").searchParams.has("error");
  }
  await answerAfterFloor(started);
  // The outbox is woken only once the answer is out, for everyone alike: rendering and sending the link
  // before it would slow an organiser's answer, and the allow-list could be timed.
  after(nudgeOutbox);
  if (failed) {
    return { error: "The sign-in email could not be sent just now. Please try again in a minute.", email: parsed.data };
  }
  redirect(CHECK_EMAIL_PAGE); // the same page whether or not the address may sign in, or was sent a link
}
