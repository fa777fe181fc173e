import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATABASE_PATH: z.string().min(1).default("./data/app.db"),
  MAIL_DIR: z.string().min(1).default("./data/mail"),
  RESEND_API_KEY: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Delegation <no-reply@localhost>"),
  ADMIN_EMAILS: z.string().default("admin@localhost"),
  MAIL_RETRY_BASE_MS: z.coerce.number().int().positive().default(1_000),
  MAIL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  CONFIRM_TOKEN_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  NODE_ENV: z.string().default("development"),
});

export type Config = z.infer<typeof envSchema> & { appUrl: string };

let cached: Config | undefined;

/** Reads the environment once; every variable has an embedded default (see README). */
export function getConfig(): Config {
  if (cached) return cached;
  const env = envSchema.parse(
    Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")),
  );
  cached = { ...env, appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "") };
  return cached;
}

export function isProduction(): boolean {
  return getConfig().NODE_ENV === "production";
}
