import Link from "next/link";
import type { Metadata } from "next";
import { PageShell } from "@/app/_components/page-shell";
import "./globals.css";

export const metadata: Metadata = { title: "Page not found — Delegation" };

// Addresses no route claims (outside the public site's languages) land here; each section has its own root
// layout, so this page brings its own document.
export default function GlobalNotFound() {
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
          footer={null}
        >
          <h1>Page not found</h1>
          <p>There is nothing at this address.</p>
          <p>
            <Link href="/">Go to the home page</Link>
          </p>
        </PageShell>
      </body>
    </html>
  );
}
