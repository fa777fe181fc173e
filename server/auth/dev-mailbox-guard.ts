import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { isProduction } from "@/lib/config";
import { isLoopbackAddress } from "@/lib/security/loopback";
import { SOCKET_ADDRESS_HEADER } from "@/lib/security/socket-address";

/**
 * /dev/mail needs no sign-in, and its messages hold organisers' live sign-in links: it exists in development
 * only, and answers only requests from this machine, judged by the socket's address (stamped by the server,
 * never a header a client chose), so a dev server reachable from a network still keeps it to itself.
 */
export async function requireLocalDevelopment(): Promise<void> {
  if (isProduction()) notFound();
  if (!isLoopbackAddress((await headers()).get(SOCKET_ADDRESS_HEADER))) notFound();
}
