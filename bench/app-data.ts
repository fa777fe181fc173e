import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { openSqliteFile } from "@/db";
import { generateSignatures } from "@/db/generate-signatures";
import { recountConfirmed } from "@/db/queries/signature-counts";
import { sessions, users } from "@/db/schema";
import { deriveToken } from "@/lib/security/tokens";

export const BENCH_SECRET = "bench-secret-not-for-production";
export const ADMIN_SESSION = "bench-admin-session-token";

export function appEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_PATH: path.join(dir, "app.db"),
    DATABASE_URL: "", // SQLite unless a bench asks for PostgreSQL, whatever the shell has set
    MAIL_DIR: path.join(dir, "mail"),
    AUTH_SECRET: BENCH_SECRET,
    RATE_LIMITS: "off",
    RESEND_API_KEY: "",
    ...extra,
  };
}

/** A fresh database with `count` synthetic signatures and a signed-in organiser session. */
export async function prepareDatabase(dir: string, count: number, options: { pendingWithOutbox?: boolean } = {}) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "app.db");
  const { db, client, close } = await openSqliteFile(file);
  if (count > 0) {
    let last = 0;
    generateSignatures(client, {
      count,
      ...(options.pendingWithOutbox ? { states: { pending: 1 }, withOutbox: { secret: BENCH_SECRET } } : {}),
      onProgress: (done, total) => {
        if (done - last >= total / 10 || done === total) {
          last = done;
          process.stderr.write(
            `\r  generating ${done.toLocaleString("en")} / ${total.toLocaleString("en")} signatures`,
          );
        }
      },
    });
    process.stderr.write("\n");
  }
  const [user] = await db.insert(users).values({ email: "admin@localhost" }).onConflictDoNothing().returning();
  if (user)
    await db
      .insert(sessions)
      .values({ sessionToken: ADMIN_SESSION, userId: user.id, expires: new Date(Date.now() + 3600_000) });
  await close();
  return file;
}

/** The confirm emails queued for signatures still pending, in the order they were queued (SQL for both dialects). */
export const PENDING_PAYLOADS = `select o.payload from outbox o join signatures s on s.email = o.recipient
  where o.template = 'confirm-signature' and s.state = 'pending' order by o.id`;

/** Confirmation tokens derived from queued confirm emails' payloads (JSON text, or already parsed), as the mailer does. */
export function tokensOf(payloads: (string | { tokenNonce: string })[]): string[] {
  return payloads.map((payload) =>
    deriveToken(BENCH_SECRET, (typeof payload === "string" ? JSON.parse(payload) : payload).tokenNonce),
  );
}

/** Confirmation tokens of the pending signatures, derived as the mailer derives them. */
export function pendingTokens(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return tokensOf(db.prepare(PENDING_PAYLOADS).pluck().all() as string[]);
  } finally {
    db.close();
  }
}

/** Emails waiting for the outbox worker, or being sent by it (SQL for both dialects). */
export const OUTBOX_BACKLOG = "select count(*) from outbox where status in ('queued', 'sending')";

export function outboxBacklog(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(OUTBOX_BACKLOG).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Waits until the outbox has sent what the loads before queued (60 s at most), so the next load is alone. */
export async function outboxSettled(backlog: () => number | Promise<number>, tag: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await backlog()) > 0) {
    if (Date.now() > deadline)
      return void process.stderr.write(`  ${tag}: the outbox still has a backlog after 60 s\n`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Kept counters against a recount of the rows, per document (the app's own reconcile query). */
export async function counterDrift(file: string) {
  const { db, close } = await openSqliteFile(file);
  try {
    return await recountConfirmed(db);
  } finally {
    await close();
  }
}

/** Which of these emails have a row. */
export function missingRows(file: string, emails: string[]): number {
  const db = new Database(file, { readonly: true });
  try {
    const present = new Set(db.prepare("select email from signatures").pluck().all() as string[]);
    return emails.filter((email) => !present.has(email)).length;
  } finally {
    db.close();
  }
}
