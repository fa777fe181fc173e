import Link from "next/link";
import type { MailboxMessage } from "@/emails/transport/mailbox";
import { EmailPreview } from "./email-preview";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { timeZone: "UTC" }) + " UTC";

export function MailboxList({ messages, basePath }: { messages: MailboxMessage[]; basePath: string }) {
  if (messages.length === 0) return <p>No messages yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">To</th>
          <th scope="col">Subject</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((message) => (
          <tr key={message.id}>
            <td>{when(message.createdAt)}</td>
            <td>{message.to}</td>
            <td>
              <Link href={`${basePath}/${message.id}`}>{message.subject}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MailboxMessageView({ message, basePath }: { message: MailboxMessage; basePath: string }) {
  return (
    <>
      <p>
        <Link href={basePath}>All messages</Link>
      </p>
      <h1>{message.subject}</h1>
      <p>
        To {message.to}, from {message.from}, {when(message.createdAt)}
      </p>
      <EmailPreview html={message.html} />
      <h2>Plain text</h2>
      <pre style={{ whiteSpace: "pre-wrap" }}>{message.text}</pre>
    </>
  );
}
