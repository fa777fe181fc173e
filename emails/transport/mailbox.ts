import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@/lib/config";

export type MailboxMessage = {
  id: string;
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  createdAt: string;
};

/** The header an organiser's sign-in email carries (compose.tsx), so the mailbox can tell it apart. */
export const SIGN_IN_HEADER = "X-Delegation-Email";

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const DAY = 86_400_000;

const mailDir = () => path.resolve(getConfig().MAIL_DIR);

/** The local mailbox's messages, newest first. */
export async function listMailbox(limit = 200): Promise<MailboxMessage[]> {
  return (await readAll()).slice(0, limit);
}

async function readAll(): Promise<MailboxMessage[]> {
  const dir = mailDir();
  const files = await readdir(dir).catch(() => [] as string[]);
  const messages = await Promise.all(
    files.filter((file) => file.endsWith(".json")).map((file) => readMessageFile(path.join(dir, file))),
  );
  return messages
    .filter((message): message is MailboxMessage => message !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function getMailboxMessage(id: string): Promise<MailboxMessage | null> {
  if (!SAFE_ID.test(id)) return null;
  return readMessageFile(path.join(mailDir(), `${id}.json`));
}

/** An organiser's sign-in email is theirs alone: its link signs in as them. */
function isSignInEmail(message: MailboxMessage): boolean {
  return message.headers?.[SIGN_IN_HEADER] === "admin-sign-in" || message.id.startsWith("sign-in-");
}

/** Whether `reader` (an organiser's address) may see `message`: anything but another organiser's sign-in link. */
export function visibleTo(message: MailboxMessage, reader: string): boolean {
  return !isSignInEmail(message) || message.to.trim().toLowerCase() === reader.trim().toLowerCase();
}

/** Deletes the messages with these ids (outbox-<id> files), e.g. a withdrawn signer's. Returns how many. */
export async function eraseMailboxMessages(ids: string[]): Promise<number> {
  let erased = 0;
  for (const id of ids.filter((id) => SAFE_ID.test(id))) {
    const file = path.join(mailDir(), `${id}.json`);
    const existed = await readFile(file).then(
      () => true,
      () => false,
    );
    await rm(file, { force: true });
    if (existed) erased++;
  }
  return erased;
}

/** The local mailbox keeps emails as long as the outbox keeps sent ones: older messages are deleted. */
export async function pruneMailbox(keepDays: number, now = Date.now()): Promise<number> {
  const before = new Date(now - keepDays * DAY).toISOString();
  const old = (await readAll()).filter((message) => message.createdAt < before);
  return eraseMailboxMessages(old.map((message) => message.id));
}

async function readMessageFile(file: string): Promise<MailboxMessage | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as MailboxMessage;
  } catch {
    return null;
  }
}
