import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

// Each section has its own root layout with <html lang>: the public site per language in [locale]/,
// the organisers' pages in (admin)/. This one carries the stylesheet, and makes every page render per
// request: Next puts the request's CSP nonce on a page's inline scripts only while rendering it for that
// request, and a page prerendered or cached without one would have its scripts blocked.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}
