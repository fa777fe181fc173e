import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "./auth-secret";
import { getConfig } from "@/lib/config";

import { HONEYPOT_FIELD, STAMP_FIELD } from "./bot-check-fields";

const sign = (time: string) =>
  createHmac("sha256", getAuthSecret()).update(`form-stamp\u0000${time}`).digest("base64url").slice(0, 16);

/** When the form was served, signed so that a script cannot claim it waited. */
export function formStamp(now = Date.now()): string {
  return `${now}.${sign(String(now))}`;
}

function servedAt(stamp: unknown): number | null {
  if (typeof stamp !== "string") return null;
  const [time, mac] = stamp.split(".");
  if (!time || !mac || !/^\d{1,15}$/.test(time)) return null;
  const expected = Buffer.from(sign(time));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(time) : null;
}

/**
 * Why a form submission looks automated, if it does: a filled hidden field, or sent sooner after the form
 * was served than a person could (or without the stamp a served form carries).
 */
export function botSignal(form: FormData, now = Date.now()): "honeypot" | "too-fast" | null {
  const trap = form.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim() !== "") return "honeypot";
  const served = servedAt(form.get(STAMP_FIELD));
  if (served === null || now - served < getConfig().MIN_FILL_MS) return "too-fast";
  return null;
}
