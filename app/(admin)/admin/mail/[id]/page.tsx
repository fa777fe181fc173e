import { notFound } from "next/navigation";
import { MailboxMessageView } from "@/app/_components/mailbox-views";
import { getMailboxMessage } from "@/emails/transport/mailbox";
import { requireAdmin } from "@/server/auth/auth-guard";

export default async function AdminMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const message = await getMailboxMessage((await params).id);
  if (!message) notFound();
  return <MailboxMessageView message={message} basePath="/admin/mail" />;
}
