import "server-only";
import { listSignatureMessageIds } from "@/db/queries/outbox";
import { withdrawSignature } from "@/db/queries/self-service";
import { eraseMailboxMessages } from "@/emails/transport/mailbox";

/**
 * A signer withdraws: the signature stops counting and its personal data is erased, and so are the local
 * mailbox's copies of the emails about it (confirmation, "already signed", updates), which hold the same.
 */
export async function withdrawAndForget(signatureId: number): Promise<void> {
  const messageIds = await listSignatureMessageIds(signatureId);
  await withdrawSignature(signatureId);
  await eraseMailboxMessages(messageIds.map((id) => `outbox-${id}`));
}
