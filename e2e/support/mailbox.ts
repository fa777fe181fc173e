import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E_DATA } from "@/playwright.config";

export type Mail = {
  id: string;
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  createdAt: string;
  headers?: Record<string, string>;
};

const MAIL_DIR = path.join(E2E_DATA, "mail");

/** The emails to an address in the shared e2e server's mailbox, or in another server's (`mailDir`). */
export function mailTo(address: string, mailDir = MAIL_DIR): Mail[] {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir).filter((file) => file.endsWith(".json"));
  } catch {
    return [];
  }
  return files
    .map((file) => JSON.parse(readFileSync(path.join(mailDir, file), "utf8")) as Mail)
    .filter((mail) => mail.to === address)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Waits for the outbox worker to deliver the n-th email to an address, and returns it. */
export async function waitForMail(address: string, count = 1): Promise<Mail> {
  await expect
    .poll(() => mailTo(address).length, { timeout: 15_000, message: `email #${count} to ${address}` })
    .toBeGreaterThanOrEqual(count);
  return mailTo(address)[count - 1];
}

export function confirmLink(mail: Mail): string {
  const match = mail.text.match(/https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error(`no confirmation link in "${mail.subject}"`);
  return match[0];
}
