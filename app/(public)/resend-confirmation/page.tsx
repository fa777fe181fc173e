import type { Metadata } from "next";
import { ResendForm } from "./resend-form";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Get a new confirmation link" };

type Props = { searchParams: Promise<{ document?: string | string[] }> };

export default async function ResendConfirmationPage({ searchParams }: Props) {
  const { document } = await searchParams;
  return (
    <>
      <h1>Get a new confirmation link</h1>
      <p>Lost the email, or the link expired? Enter the address you signed with and we will send a fresh one.</p>
      <ResendForm selected={typeof document === "string" ? document : undefined} />
    </>
  );
}
