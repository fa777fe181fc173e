import type { Metadata } from "next";
import type { ReactNode } from "react";
import { EnglishDocument } from "@/app/_components/english-document";
import "@/app/globals.css";

export const metadata: Metadata = {
  title: { default: "Delegation — organisers", template: "%s — Delegation" },
  robots: { index: false },
};

// The organisers' pages are in English only; the public site is in every language.
export default function OrganisersLayout({ children }: { children: ReactNode }) {
  return (
    <EnglishDocument footer={<p>Organisers’ section. Every action here is written to the audit log.</p>}>
      {children}
    </EnglishDocument>
  );
}
