import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAuthSecret } from "@/lib/security/auth-secret";

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64, shown to the organiser once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

// The database keeps each endpoint's secret sealed (AES-256-GCM) under a key derived from AUTH_SECRET: a
// copy of the database alone (a backup, a dump) cannot sign events that partners would trust. It must be
// readable to sign with, so it cannot be hashed like an API key.
const SEALED = "sealed:v1:";

function sealingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getAuthSecret(), "delegation", "webhook endpoint secrets v1", 32));
}

/** The secret as the database keeps it. */
export function sealWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return SEALED + [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

/**
 * The secret to sign with. An endpoint registered before secrets were sealed is read as it was stored. Throws
 * when AUTH_SECRET has changed since the endpoint was registered (or the value was altered).
 */
export function openWebhookSecret(stored: string): string {
  if (!stored.startsWith(SEALED)) return stored;
  const [iv, tag, sealed] = stored
    .slice(SEALED.length)
    .split(".")
    .map((part) => Buffer.from(part, "base64url"));
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "The endpoint's signing secret cannot be read with this AUTH_SECRET (changed since it was registered): register the endpoint again.",
    );
  }
}
