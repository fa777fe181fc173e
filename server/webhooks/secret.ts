import "server-only";
import { randomBytes } from "node:crypto";

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64, shown to the organiser once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
