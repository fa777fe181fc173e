import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Resend } from "resend";
import { getConfig } from "@/lib/config";

export type OutgoingEmail = { to: string; subject: string; html: string; text: string };

export type SendResult =
  | { ok: true; providerId: string | null }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

let resend: Resend | undefined;

/**
 * The only module that talks to a mail provider: Resend when RESEND_API_KEY is set (the SDK honours
 * RESEND_BASE_URL), otherwise the local mailbox, one JSON file per email in MAIL_DIR.
 * The idempotency key makes a retried send harmless in both.
 */
export async function sendEmail(email: OutgoingEmail, idempotencyKey: string): Promise<SendResult> {
  const config = getConfig();
  if (!config.RESEND_API_KEY) return writeToMailbox(email, idempotencyKey);
  resend ??= new Resend(config.RESEND_API_KEY);
  const { data, error, headers } = await resend.emails.send(
    { from: config.MAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
    { idempotencyKey, signal: AbortSignal.timeout(config.MAIL_TIMEOUT_MS) },
  );
  if (!error) return { ok: true, providerId: data?.id ?? null };
  const status = (error as { statusCode?: number | null }).statusCode ?? null;
  // No status: the request never got an answer (refused, reset, timed out).
  const retryable = status === null || status === 409 || status === 429 || status >= 500;
  return {
    ok: false,
    retryable,
    error: `${status ?? "no response"} ${error.name}: ${error.message}`.slice(0, 500),
    retryAfterMs: retryAfter(headers?.["retry-after"]),
  };
}

function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function writeToMailbox(email: OutgoingEmail, id: string): Promise<SendResult> {
  const dir = path.resolve(getConfig().MAIL_DIR);
  await mkdir(dir, { recursive: true });
  const message = { id, from: getConfig().MAIL_FROM, ...email, createdAt: new Date().toISOString() };
  const file = path.join(dir, `${id}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(message, null, 2));
  await rename(`${file}.tmp`, file); // readers never see half a message
  return { ok: true, providerId: id };
}
