import { MailboxList } from "@/app/_components/mailbox-views";
import { listMailbox } from "@/emails/transport/mailbox";
import { requireAdmin } from "@/server/auth/auth-guard";
import { getConfig } from "@/lib/config";

export const metadata = { title: "Mailbox" };

export default async function AdminMailPage() {
  await requireAdmin();
  const usingResend = Boolean(getConfig().RESEND_API_KEY);
  return (
    <>
      <h1>Local mailbox</h1>
      <p>
        {usingResend
          ? "Email now goes through Resend; these are messages from before, when the local mailbox was in use."
          : "No RESEND_API_KEY is set, so email is kept here instead of being sent. The messages hold live links: only organisers can see them."}
      </p>
      <MailboxList messages={await listMailbox()} basePath="/admin/mail" />
    </>
  );
}
