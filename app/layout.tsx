import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { listPublishedDocuments } from "@/db/queries/documents";
import { documentPath } from "@/lib/collections";
import "./globals.css";

// Every page shows live counts from the database, which exists only where the server runs (never at build).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Delegation — the Moscow Trials Campaign", template: "%s — Delegation" },
  description: "Sign the petition and the open letter the delegation carries to Moscow.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const documents = await listPublishedDocuments();
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
            {documents.map((document) => (
              <Link key={document.id} href={documentPath(document.kind, document.slug)}>
                {document.kind === "petition" ? "The petition" : "The open letter"}
              </Link>
            ))}
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
