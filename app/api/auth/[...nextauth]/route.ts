import type { NextRequest } from "next/server";
import { handlers } from "@/auth";

export const { GET } = handlers;

/**
 * Sign-in links are asked for only through the sign-in page's form, which throttles them and answers
 * organisers and strangers alike; Auth.js's own endpoint for it would skip both.
 */
export async function POST(request: NextRequest) {
  if (/\/api\/auth\/signin(?:\/|$)/.test(request.nextUrl.pathname)) {
    return Response.json({ error: "Ask for a sign-in link on /sign-in." }, { status: 404 });
  }
  return handlers.POST(request);
}
