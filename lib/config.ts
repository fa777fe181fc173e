import { z } from "zod";

const rate = z
  .string()
  .regex(/^\d+\/\d+$/, "A rate limit is written count/seconds, like 5/60.")
  .transform((value) => {
    const [count, seconds] = value.split("/").map(Number);
    return { count, seconds };
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATABASE_PATH: z.string().min(1).default("./data/app.db"),
  // A PostgreSQL server instead of the SQLite file, for several instances on one database.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// (or postgresql://) URL.")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // How long a worker owns the emails it claimed; another instance's worker resends them after that.
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).default(120),
  // Where dossier PDFs are written; with several instances, storage they all mount.
  DOSSIER_DIR: z.string().min(1).optional(),
  MAIL_DIR: z.string().min(1).default("./data/mail"),
  RESEND_API_KEY: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Delegation <no-reply@localhost>"),
  ADMIN_EMAILS: z.string().default("admin@localhost"),
  MAIL_RETRY_BASE_MS: z.coerce.number().int().positive().default(1_000),
  MAIL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // Webhook deliveries: the first retry's delay (doubling from there, up to 6 hours) and each POST's timeout.
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(5_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // "allow": production may post to endpoints on this machine or a private network (a CRM inside the
  // organisation's own network, the e2e suite's receiver). Off by default: see lib/security/webhook-url.ts.
  WEBHOOK_PRIVATE_TARGETS: z
    .enum(["refuse", "allow"], "WEBHOOK_PRIVATE_TARGETS must be refuse or allow.")
    .default("refuse"),
  CONFIRM_TOKEN_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  NODE_ENV: z.string().default("development"),
  RATE_LIMITS: z.enum(["on", "off"], "RATE_LIMITS must be on or off.").default("on"),
  // "count/seconds": signatures from one client on one document in that window before new ones are held.
  RATE_LIMIT_BURST: rate.prefault("5/60"),
  RATE_LIMIT_SUSTAINED: rate.prefault("20/300"),
  // Signing emails (confirm, "already signed", resend requests) one client address (IPv6: its /64) may cause
  // per hour, across all recipients and documents; beyond it new signatures are held, unemailed, for review.
  SIGNER_EMAILS_PER_CLIENT_HOUR: z.coerce.number().int().min(1).default(10),
  // Signing emails one address may receive per day, however many documents it is used on.
  SIGNER_EMAILS_PER_ADDRESS_DAY: z.coerce.number().int().min(1).default(5),
  // Organisers' sign-in links asked for per address, and per client, per hour; the rest are not sent.
  SIGN_IN_LINKS_PER_ADDRESS_HOUR: z.coerce.number().int().min(1).default(3),
  SIGN_IN_LINKS_PER_CLIENT_HOUR: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: z.string().optional(),
  MIN_FILL_MS: z.coerce.number().int().min(0).max(3_000).default(2_000),
  // How often an instance looks for campaigns due to close and milestones reached (one instance at a time).
  CAMPAIGN_JOBS_EVERY_MS: z.coerce.number().int().min(200).default(30_000),
  RETENTION_UNCONFIRMED_DAYS: z.coerce.number().positive().default(30),
  RETENTION_CLOSED_DAYS: z.coerce.number().positive().default(183),
  // Sent emails hold names and addresses; they are kept this long for delivery questions, then deleted.
  RETENTION_EMAIL_DAYS: z.coerce.number().positive().default(30),
});

export type Config = z.infer<typeof envSchema> & { appUrl: string };

let cached: Config | undefined;

/** Reads the environment once; every variable has an embedded default (see docs/operations.md). */
export function getConfig(): Config {
  if (cached) return cached;
  const env = envSchema.parse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));
  cached = { ...env, appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "") };
  return cached;
}

export function isProduction(): boolean {
  return getConfig().NODE_ENV === "production";
}

/** Whether webhook endpoints must be public https addresses (production, unless the operator allowed otherwise). */
export function webhooksPublicOnly(): boolean {
  return isProduction() && getConfig().WEBHOOK_PRIVATE_TARGETS === "refuse";
}

/**
 * Where email is read when none is sent (no RESEND_API_KEY): /dev/mail in development, /admin/mail for
 * organisers in production; null when a provider sends it.
 */
export function localMailboxPage(): "/dev/mail" | "/admin/mail" | null {
  if (getConfig().RESEND_API_KEY) return null;
  return isProduction() ? "/admin/mail" : "/dev/mail";
}
