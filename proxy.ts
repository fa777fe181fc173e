import { NextResponse, type NextRequest } from "next/server";

/** A path with broken percent-encoding ("/confirm/%ff") is the client's mistake: answer 400, not 500. */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(new URL(request.url).pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
