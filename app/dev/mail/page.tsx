import Link from "next/link";
import { notFound } from "next/navigation";
import { listMailbox } from "@/emails/mailbox";
import { isProduction } from "@/lib/config";

export const metadata = { title: "Local mailbox" };

// Development only: in production these messages hold live confirmation links.
export default async function DevMailPage() {
  if (isProduction()) notFound();
  const messages = await listMailbox();
  return (
    <>
      <h1>Local mailbox</h1>
      <p>Email that would have been sent. Set RESEND_API_KEY to send real email instead.</p>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
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
                <td>{new Date(message.createdAt).toLocaleString("en-GB")}</td>
                <td>{message.to}</td>
                <td>
                  <Link href={`/dev/mail/${message.id}`}>{message.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
