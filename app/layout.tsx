import type { ReactNode } from "react";
import "./globals.css";

// Each section has its own root layout with <html lang>: the public site per language in [locale]/,
// the organisers' pages in (admin)/. This one only carries the stylesheet.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
