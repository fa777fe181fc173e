import Link from "next/link";
import type { ReactNode } from "react";
import type { OrganiserRole } from "@/lib/vocabulary";
import { requireRole } from "@/server/auth/auth-guard";
import { roleAtLeast } from "@/server/auth/organiser-role";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { signOutAction } from "./actions";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export const metadata = { title: { default: "Organisers", template: "%s — Organisers" }, robots: { index: false } };

// Each section with the least role that opens it; the navigation shows only what the person may open.
const sections: [string, string, OrganiserRole][] = [
  ["/admin", "Dashboard", "moderator"],
  ["/admin/signatures", "Signatures", "moderator"],
  ["/admin/review", "Review", "moderator"],
  ["/admin/documents", "Documents", "organiser"],
  ["/admin/delegations", "Delegations", "organiser"],
  ["/admin/dossiers", "Dossiers", "organiser"],
  ["/admin/updates", "Updates", "organiser"],
  ["/admin/audit", "Audit log", "organiser"],
  ["/admin/mail", "Mailbox", "organiser"],
  ["/admin/sessions", "Sessions", "organiser"],
  ["/admin/api-keys", "API keys", "organiser"],
  ["/admin/webhooks", "Webhooks", "organiser"],
  ["/admin/organisation", "Organisation", "organiser"],
  ["/admin/settings", "Settings", "organiser"],
  ["/admin/organisers", "Organisers", "owner"],
];

// Each page checks the session itself too; this check only keeps the navigation from anonymous eyes.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireRole("moderator");
  return (
    <div className="admin">
      <nav aria-label="Organisers" className="admin-nav">
        {sections
          .filter(([, , needed]) => roleAtLeast(admin.role, needed))
          .map(([href, label]) => (
            <Link key={href} href={href}>
              {label}
            </Link>
          ))}
        <AdminForm action={signOutAction} className="sign-out">
          <span className="hint">
            {admin.email} ({admin.role})
          </span>
          <SubmitButton className="secondary">Sign out</SubmitButton>
        </AdminForm>
      </nav>
      {children}
    </div>
  );
}
