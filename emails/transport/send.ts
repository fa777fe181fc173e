import "server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Resend } from "resend";
import { getConfig } from "@/lib/config";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

/** One email to send, with its own key (the local mailbox's file name, and Resend's key when sent alone). */
export type Envelope = { key: string; email: OutgoingEmail };

export type SendResult = (
  { ok: true; providerIds: (string | null)[] } | { ok: false; retryable: boolean; error: string; retryAfterMs?: number }
) & {
  /** The provider's rate limit as its ratelimit-* headers announce it: requests per window, and what is left. */
  rateLimit?: { limit: number; remaining: number; resetMs: number };
};

let resend: Resend | undefined;

/**
 * The only module that talks to a mail provider: Resend when RESEND_API_KEY is set (the SDK honours
 * RESEND_BASE_URL), otherwise the local mailbox, one JSON file per email in MAIL_DIR. Several emails go
 * in one request to Resend's batch endpoint. The batch key makes a retried request harmless.
 */
export async function sendEmails(envelopes: Envelope[], batchKey: string): Promise<SendResult> {
  const config = getConfig();
  if (!config.RESEND_API_KEY) return writeToMailbox(envelopes);
  resend ??= new Resend(config.RESEND_API_KEY);
  const options = { idempotencyKey: batchKey, signal: AbortSignal.timeout(config.MAIL_TIMEOUT_MS) };
  const payload = envelopes.map(({ email }) => ({ from: config.MAIL_FROM, ...email }));
  const answer =
    payload.length === 1
      ? await resend.emails
          .send(payload[0], options)
          .then((result) => ({ ...result, ids: result.data ? [result.data.id] : [] }))
      : await resend.batch
          .send(payload, options)
          .then((result) => ({ ...result, ids: result.data?.data.map((item) => item.id) ?? [] }));
  const rateLimit = rateLimitOf(answer.headers);
  if (!answer.error)
    return { ok: true, providerIds: envelopes.map((_, index) => answer.ids[index] ?? null), rateLimit };
  const status = (answer.error as { statusCode?: number | null }).statusCode ?? null;
  // No status: the request never got an answer (refused, reset, timed out).
  const retryable = status === null || status === 409 || status === 429 || status >= 500;
  return {
    ok: false,
    retryable,
    error: `${status ?? "no response"} ${answer.error.name}: ${answer.error.message}`.slice(0, 500),
    retryAfterMs: seconds(answer.headers?.["retry-after"]),
    rateLimit,
  };
}

function rateLimitOf(headers: Record<string, string> | null | undefined): SendResult["rateLimit"] {
  const limit = Number(headers?.["ratelimit-limit"]);
  const remaining = Number(headers?.["ratelimit-remaining"]);
  if (!Number.isFinite(limit) || limit <= 0 || !Number.isFinite(remaining)) return undefined;
  return { limit, remaining, resetMs: seconds(headers?.["ratelimit-reset"]) ?? 1000 };
}

function seconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const count = Number(value);
  if (Number.isFinite(count)) return Math.max(0, count * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function writeToMailbox(envelopes: Envelope[]): Promise<SendResult> {
  const { MAIL_DIR, MAIL_FROM } = getConfig();
  const dir = path.resolve(MAIL_DIR);
  // The messages hold names, addresses and live links: the server's user only.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const { key, email } of envelopes) {
    const message = { id: key, from: MAIL_FROM, ...email, createdAt: new Date().toISOString() };
    const file = path.join(dir, `${key}.json`);
    await writeFile(`${file}.tmp`, JSON.stringify(message, null, 2), { mode: 0o600 });
    await rename(`${file}.tmp`, file); // readers never see half a message
  }
  return { ok: true, providerIds: envelopes.map(({ key }) => key) };
}
