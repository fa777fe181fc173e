import Link from "next/link";
import type { ReactNode } from "react";
import { PageShell } from "./page-shell";

/** A whole English document with the site's plain header: the organisers' section, and addresses no section claims. */
export function EnglishDocument({ footer, children }: { footer: ReactNode; children: ReactNode }) {
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
          footer={footer}
        >
          {children}
        </PageShell>
      </body>
    </html>
  );
}
