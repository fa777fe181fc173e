import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/config";

let secret: string | undefined;

/**
 * AUTH_SECRET, or (on the embedded SQLite file) one generated once and kept beside the database so links
 * survive restarts. On PostgreSQL several instances must sign and check the same links, so each is given it.
 */
export function getAuthSecret(): string {
  if (secret) return secret;
  if (process.env.AUTH_SECRET) return (secret = process.env.AUTH_SECRET);
  if (getConfig().DATABASE_URL)
    throw new Error(
      "AUTH_SECRET is required with DATABASE_URL: every instance on the database must share it (openssl rand -base64 32)",
    );
  const file = path.join(path.dirname(path.resolve(getConfig().DATABASE_PATH)), "auth-secret");
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const fresh = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, fresh, { flag: "wx", mode: 0o600 });
      secret = fresh;
    } catch {
      secret = readFileSync(file, "utf8").trim(); // another process won the race
    }
  }
  if (!secret) throw new Error(`The generated auth secret file ${file} is empty`);
  process.env.AUTH_SECRET ??= secret; // Auth.js reads it from the environment
  return secret;
}
