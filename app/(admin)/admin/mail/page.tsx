import { MailboxList } from "@/app/_components/mailbox-views";
import { listMailbox, visibleTo } from "@/emails/transport/mailbox";
import { requireAdmin } from "@/server/auth/auth-guard";
import { getConfig } from "@/lib/config";

export const metadata = { title: "Mailbox" };

export default async function AdminMailPage() {
  const admin = await requireAdmin();
  // Another organiser's sign-in link would sign in as them: each organiser sees only their own.
  const messages = (await listMailbox()).filter((message) => visibleTo(message, admin.email));
  const usingResend = Boolean(getConfig().RESEND_API_KEY);
  return (
    <>
      <h1>Local mailbox</h1>
      <p>
        {usingResend
          ? "Email now goes through Resend; these are messages from before, when the local mailbox was in use."
          : "No RESEND_API_KEY is set, so email is kept here instead of being sent. The messages hold live links: only organisers can see them, and each organiser sees only their own sign-in links."}
      </p>
      <MailboxList messages={messages} basePath="/admin/mail" />
    </>
  );
}
