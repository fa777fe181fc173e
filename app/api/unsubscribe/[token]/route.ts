import { setUpdatesForSigner } from "@/db/queries/self-service";
import { verifySignerToken } from "@/lib/security/signer-links";

const noStore = { "Cache-Control": "no-store" };

/**
 * RFC 8058 one-click unsubscribe: mail programs POST "List-Unsubscribe=One-Click" here from the
 * List-Unsubscribe header, with no cookies and from no page. The token alone authorises it.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const id = verifySignerToken("unsubscribe", (await params).token);
  if (id === null) return Response.json({ error: "Unknown unsubscribe link." }, { status: 404, headers: noStore });
  await setUpdatesForSigner(id, false);
  return Response.json({ status: "unsubscribed" }, { headers: noStore });
}

/** Someone opening the header's address in a browser gets the page that asks first. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return Response.redirect(new URL(`/unsubscribe/${(await params).token}`, request.url), 303);
}
