import { notFound } from "next/navigation";
import { MailboxMessageView } from "@/app/_components/mailbox-views";
import { getMailboxMessage } from "@/emails/transport/mailbox";
import { requireLocalDevelopment } from "@/server/auth/dev-mailbox-guard";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireLocalDevelopment();
  const message = await getMailboxMessage((await params).id);
  if (!message) notFound();
  return <MailboxMessageView message={message} basePath="/dev/mail" />;
}
