import "server-only";
import { countSignInRequests, recordSignInRequest } from "@/db/queries/mail-ledger";
import { getConfig } from "@/lib/config";
import { emailKey } from "@/lib/format/email-key";
import { clientAddress, hashAddress, hashRecipient } from "@/lib/security/client-address";

const HOUR_MS = 3600_000;

/**
 * Whether a sign-in link may be sent for this request: a few per address and per client an hour
 * (SIGN_IN_LINKS_PER_ADDRESS_HOUR, SIGN_IN_LINKS_PER_CLIENT_HOUR). Every request is counted, whether or not
 * the address is an organiser's, so that both take the same path.
 */
export async function allowSignInLink(email: string, headers: Headers): Promise<boolean> {
  const config = getConfig();
  const recipientHash = hashRecipient(emailKey(email));
  const clientHash = hashAddress(clientAddress(headers));
  const recent = await countSignInRequests(recipientHash, clientHash, new Date(Date.now() - HOUR_MS));
  await recordSignInRequest(recipientHash, clientHash);
  return (
    recent.forAddress < config.SIGN_IN_LINKS_PER_ADDRESS_HOUR &&
    (config.RATE_LIMITS === "off" || recent.fromClient < config.SIGN_IN_LINKS_PER_CLIENT_HOUR)
  );
}
