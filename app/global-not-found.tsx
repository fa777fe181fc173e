import Link from "next/link";
import type { Metadata } from "next";
import { EnglishDocument } from "@/app/_components/english-document";
import "./globals.css";

export const metadata: Metadata = { title: "Page not found — Delegation" };

// Addresses no route claims (outside the public site's languages) land here; each section has its own root
// layout, so this page brings its own document.
export default function GlobalNotFound() {
  return (
    <EnglishDocument footer={null}>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </EnglishDocument>
  );
}
