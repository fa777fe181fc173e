import type { Metadata } from "next";
import NextLink from "next/link";
import { localMailboxPage } from "@/lib/config";

export const metadata: Metadata = { title: "Check your inbox" };

// Says where the local mailbox is, which depends on the running server's settings, not the build's.
export const dynamic = "force-dynamic";

// The same page for every address: it does not say whether the address may sign in.
export default function SignInCheckEmailPage() {
  const mailbox = localMailboxPage();
  return (
    <div className="notice success">
      <h1>Check your inbox</h1>
      <p>If this address belongs to an organiser, a sign-in link is on its way. It works once, for 15 minutes.</p>
      {mailbox === "/dev/mail" ? (
        <p>
          No email is sent in development: the link is in the local mailbox at{" "}
          <NextLink href="/dev/mail">/dev/mail</NextLink>.
        </p>
      ) : mailbox ? (
        <p>
          No email provider is set (RESEND_API_KEY): the link is in the local mailbox, in the folder MAIL_DIR on the
          server, which an organiser already signed in reads at <NextLink href="/admin/mail">/admin/mail</NextLink>.
        </p>
      ) : null}
    </div>
  );
}
