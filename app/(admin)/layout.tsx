import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageShell } from "@/app/_components/page-shell";
import "@/app/globals.css";

export const metadata: Metadata = {
  title: { default: "Delegation — organisers", template: "%s — Delegation" },
  robots: { index: false },
};

// The organisers' pages are in English only; the public site is in every language.
export default function OrganisersLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <PageShell
          skip="Skip to content"
          header={
            <nav aria-label="Main">
              <Link className="brand" href="/">
                Delegation
              </Link>
            </nav>
          }
          footer={<p>Organisers’ section. Every action here is written to the audit log.</p>}
        >
          {children}
        </PageShell>
      </body>
    </html>
  );
}
