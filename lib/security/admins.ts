import { getConfig } from "@/lib/config";

/** The bootstrap owners (ADMIN_EMAILS), trimmed and lower-cased. */
export function bootstrapOwnerAddresses(): string[] {
  return getConfig()
    .ADMIN_EMAILS.split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether an address is one of the bootstrap owners (ADMIN_EMAILS), compared case-insensitively. */
export function isAdminEmail(email: string | null | undefined): boolean {
  if (!email) return false;
  return bootstrapOwnerAddresses().includes(email.trim().toLowerCase());
}
