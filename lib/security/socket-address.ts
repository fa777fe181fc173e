import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { refuseBody } from "./body-gate";

export const SOCKET_ADDRESS_HEADER = "x-delegation-socket-address";

/**
 * Next gives route handlers no access to the socket, and it fills X-Forwarded-For from the socket only
 * when the client sent none, so a client could pick its own address. This stamps the socket's address
 * on every request under a header of our own, overwriting whatever a client sent under that name. It also
 * refuses oversized or unmeasured bodies there (body-gate.ts), before Next or any route reads them.
 */
export function stampSocketAddresses(): void {
  const marker = Symbol.for("delegation.socketAddress");
  const prototype = Server.prototype as Server & { [marker]?: true };
  if (prototype[marker]) return;
  prototype[marker] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
      if (refuseBody(request, args[1] as ServerResponse)) return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
