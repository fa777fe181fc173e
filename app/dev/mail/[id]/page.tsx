import Link from "next/link";
import { notFound } from "next/navigation";
import { getMailboxMessage } from "@/emails/mailbox";
import { isProduction } from "@/lib/config";

export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (isProduction()) notFound();
  const message = await getMailboxMessage((await params).id);
  if (!message) notFound();
  return (
    <>
      <p>
        <Link href="/dev/mail">All messages</Link>
      </p>
      <h1>{message.subject}</h1>
      <p>
        To {message.to}, from {message.from}, {new Date(message.createdAt).toLocaleString("en-GB")}
      </p>
      <iframe title="The email as HTML" srcDoc={message.html} sandbox="" style={{ width: "100%", height: "32rem", border: "1px solid #ccc" }} />
      <h2>Plain text</h2>
      <pre style={{ whiteSpace: "pre-wrap" }}>{message.text}</pre>
    </>
  );
}
