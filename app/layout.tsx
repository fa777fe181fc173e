import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Delegation — the Moscow Trials Campaign", template: "%s — Delegation" },
  description: "Sign the petition and the open letter the delegation carries to Moscow.",
};

// The layout reads nothing from the database. Every page renders per request, /_not-found included:
// Next puts the request's CSP nonce on a page's inline scripts only while rendering it for that request,
// and a page prerendered or cached without one would have its scripts blocked.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main">
            <Link className="brand" href="/">
              Delegation
            </Link>
            <Link href="/#documents-heading">Sign</Link>
          </nav>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <div>
            <p>Signatures are confirmed by email and counted once. No trackers, no third-party scripts.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
