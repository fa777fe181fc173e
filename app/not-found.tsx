import Link from "next/link";
import { PageShell } from "@/app/_components/page-shell";

// Addresses outside the public site's languages (the organisers' section, unknown roots) land here.
export default function NotFound() {
  return (
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
  );
}
