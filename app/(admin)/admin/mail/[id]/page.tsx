import { notFound } from "next/navigation";
import { MailboxMessageView } from "@/app/_components/mailbox-views";
import { getMailboxMessage, visibleTo } from "@/emails/transport/mailbox";
import { requireAdmin } from "@/server/auth/auth-guard";

export default async function AdminMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const message = await getMailboxMessage((await params).id);
  if (!message || !visibleTo(message, admin.email)) notFound();
  return <MailboxMessageView message={message} basePath="/admin/mail" />;
}
