import { getConfig } from "@/lib/config";

/** The organisers' allow-list (ADMIN_EMAILS), compared case-insensitively. */
export function isAdminEmail(email: string | null | undefined): boolean {
  if (!email) return false;
  const allowed = getConfig()
    .ADMIN_EMAILS.split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return allowed.includes(email.trim().toLowerCase());
}
