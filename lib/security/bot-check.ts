import { getConfig } from "@/lib/config";
import { HONEYPOT_FIELD } from "./bot-check-fields";

/**
 * Why a form submission looks automated, if it does: a filled hidden field, or sent sooner after the form
 * was first used (`startedAt`, from its redeemed stamp) than a person could fill it in.
 */
export function botSignal(form: FormData, startedAt: number, now = Date.now()): "honeypot" | "too-fast" | null {
  const trap = form.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim() !== "") return "honeypot";
  if (now - startedAt < getConfig().MIN_FILL_MS) return "too-fast";
  return null;
}
