import Link from "next/link";
import type { ReactNode } from "react";
import { requireAdmin } from "@/server/auth/auth-guard";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { signOutAction } from "./actions";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export const metadata = { title: { default: "Organisers", template: "%s — Organisers" }, robots: { index: false } };

const sections = [
  ["/admin", "Dashboard"],
  ["/admin/signatures", "Signatures"],
  ["/admin/review", "Review"],
  ["/admin/documents", "Documents"],
  ["/admin/delegation", "Delegation"],
  ["/admin/dossiers", "Dossiers"],
  ["/admin/updates", "Updates"],
  ["/admin/audit", "Audit log"],
  ["/admin/mail", "Mailbox"],
  ["/admin/sessions", "Sessions"],
  ["/admin/api-keys", "API keys"],
  ["/admin/webhooks", "Webhooks"],
  ["/admin/settings", "Settings"],
] as const;

// Each page checks the session itself too; this check only keeps the navigation from anonymous eyes.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  return (
    <div className="admin">
      <nav aria-label="Organisers" className="admin-nav">
        {sections.map(([href, label]) => (
          <Link key={href} href={href}>
            {label}
          </Link>
        ))}
        <AdminForm action={signOutAction} className="sign-out">
          <span className="hint">{admin.email}</span>
          <SubmitButton className="secondary">Sign out</SubmitButton>
        </AdminForm>
      </nav>
      {children}
    </div>
  );
}
