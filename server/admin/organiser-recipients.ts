import "server-only";
import { getConfig } from "@/lib/config";

/**
 * Who hears about a campaign's progress (milestones): every organiser. The one place that says so; today
 * the ADMIN_EMAILS allow-list, later the organisers' roles.
 */
export async function organiserRecipients(): Promise<string[]> {
  const addresses = getConfig()
    .ADMIN_EMAILS.split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(addresses)];
}
