import Link from "next/link";
import { inLocale, listDelegations } from "@/db/queries/delegations";
import { requireAdmin } from "@/server/auth/auth-guard";

export const metadata = { title: "Delegations" };

export default async function DelegationsAdminPage() {
  await requireAdmin();
  const delegations = await listDelegations();
  return (
    <>
      <h1>Delegations</h1>
      <p>
        <Link href="/admin/delegations/new">New delegation</Link>
      </p>
      {delegations.length === 0 ? <p>There is no delegation yet.</p> : null}
      <ul>
        {delegations.map((delegation) => (
          <li key={delegation.id}>
            <Link href={`/admin/delegations/${delegation.slug}`}>{inLocale(delegation.texts, "en").title}</Link>{" "}
            <span className="hint">/delegations/{delegation.slug}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
