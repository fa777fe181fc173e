import { notFound } from "next/navigation";

// Rendered per request (with its CSP nonce): made-up addresses leave nothing in the page cache.
export const dynamic = "force-dynamic";

// Any address under a language that no page claims gets that language's "not found" page.
export default function UnknownPage() {
  notFound();
}
