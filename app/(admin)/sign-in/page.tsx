import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Organisers: sign in" };

type Props = { searchParams: Promise<{ error?: string | string[]; callbackUrl?: string | string[] }> };

const errorMessages: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one below.",
  AccessDenied: "That address may not sign in here.",
};

export default async function SignInPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  const message =
    typeof error === "string" ? (errorMessages[error] ?? "Signing in did not work. Please try again.") : null;
  return (
    <>
      <h1>Organisers: sign in</h1>
      <p>Enter your organiser address and we will email you a link that signs you in for 12 hours.</p>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
    </>
  );
}
