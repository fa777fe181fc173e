import "server-only";
import { getManageLinkVersion } from "@/db/queries/manage-links";
import { verifyManageToken } from "@/lib/security/signer-links";

export type ManageLink = { id: number; version: number };

/** The signature a private link opens, if the link is genuine and still the signature's current one. */
export function verifyManageLink(token: unknown): Promise<ManageLink | null> {
  return verifyManageToken(token, getManageLinkVersion);
}
