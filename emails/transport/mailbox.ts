import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@/lib/config";

export type MailboxMessage = {
  id: string;
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  createdAt: string;
};

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The local mailbox's messages, newest first. */
export async function listMailbox(limit = 200): Promise<MailboxMessage[]> {
  const dir = path.resolve(getConfig().MAIL_DIR);
  const files = await readdir(dir).catch(() => [] as string[]);
  const messages = await Promise.all(
    files.filter((file) => file.endsWith(".json")).map((file) => readMessageFile(path.join(dir, file))),
  );
  return messages
    .filter((message): message is MailboxMessage => message !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}

export async function getMailboxMessage(id: string): Promise<MailboxMessage | null> {
  if (!SAFE_ID.test(id)) return null;
  return readMessageFile(path.join(path.resolve(getConfig().MAIL_DIR), `${id}.json`));
}

async function readMessageFile(file: string): Promise<MailboxMessage | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as MailboxMessage;
  } catch {
    return null;
  }
}
