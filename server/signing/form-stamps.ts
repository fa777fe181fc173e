import "server-only";
import { randomBytes } from "node:crypto";
import { insertFormStamp, takeFormStamp } from "@/db/queries/form-stamps";

/** A stamp is good for an hour after the form was first used. */
const FORM_STAMP_LIFETIME_MS = 60 * 60 * 1000;

/** Hands out a stamp saying that this document's form was first used now. */
export async function issueFormStamp(documentId: number, now = Date.now()): Promise<string> {
  const id = randomBytes(18).toString("base64url");
  await insertFormStamp({ id, documentId, issuedAt: new Date(now) }, new Date(now - FORM_STAMP_LIFETIME_MS));
  return id;
}

/**
 * Uses up a submitted stamp: when it was issued, if it was one of ours, not used before, not expired and
 * handed out for this document's form; null otherwise (the stamp is gone either way).
 */
export async function redeemFormStamp(stamp: unknown, documentId: number, now = Date.now()): Promise<number | null> {
  if (typeof stamp !== "string" || !/^[A-Za-z0-9_-]{24}$/.test(stamp)) return null;
  const taken = await takeFormStamp(stamp);
  if (!taken || taken.documentId !== documentId) return null;
  const issuedAt = taken.issuedAt.getTime();
  return now - issuedAt > FORM_STAMP_LIFETIME_MS ? null : issuedAt;
}
