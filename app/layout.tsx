import { headers } from "next/headers";
import type { ReactNode } from "react";
import { LANGUAGE_HEADER } from "@/i18n/routing";
import "./globals.css";

// Every page renders per request: Next puts the request's CSP nonce on a page's inline scripts only while
// rendering it for that request, and a page prerendered or cached without one would have its scripts
// blocked. So reading the request's language here (set by proxy.ts) costs nothing more.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = (await headers()).get(LANGUAGE_HEADER) ?? "en";
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  );
}
