import { readFileSync } from "node:fs";
import path from "node:path";
import { formStamp } from "@/lib/security/bot-check";
import { E2E_DATA } from "@/playwright.config";

/**
 * A signing-form stamp that says the form was served just now, made with the server's own secret (the one
 * it generated beside its database): what a page served a moment ago would carry, without the wait.
 */
export function freshFormStamp(): string {
  process.env.AUTH_SECRET ??= readFileSync(path.join(E2E_DATA, "auth-secret"), "utf8").trim();
  return formStamp();
}
