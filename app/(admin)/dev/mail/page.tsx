import { MailboxList } from "@/app/_components/mailbox-views";
import { listMailbox } from "@/emails/transport/mailbox";
import { requireLocalDevelopment } from "@/server/auth/dev-mailbox-guard";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export const metadata = { title: "Local mailbox" };

// Development only: in production these messages hold live links and only organisers see them (/admin/mail).
export default async function DevMailPage() {
  await requireLocalDevelopment();
  return (
    <>
      <h1>Local mailbox</h1>
      <p>Email that would have been sent. Set RESEND_API_KEY to send real email instead.</p>
      <MailboxList messages={await listMailbox()} basePath="/dev/mail" />
    </>
  );
}
