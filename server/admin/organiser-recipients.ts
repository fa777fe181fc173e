import "server-only";
import { listAcceptedOrganiserAddresses } from "@/db/queries/organisers";
import { bootstrapOwnerAddresses } from "@/lib/security/admins";

/**
 * The organisers' addresses to notify (milestones and the like): the bootstrap owners (ADMIN_EMAILS) and
 * every owner and organiser who has accepted their invitation. Moderators are left out: such emails are
 * about running the campaign, not reviewing signatures. Each address once, sorted.
 */
export async function organiserRecipients(): Promise<string[]> {
  const invited = await listAcceptedOrganiserAddresses(["owner", "organiser"]);
  return [...new Set([...bootstrapOwnerAddresses(), ...invited])].toSorted();
}
