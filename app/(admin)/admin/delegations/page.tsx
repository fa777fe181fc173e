import Link from "next/link";
import { inLocale, listDelegations } from "@/db/queries/delegations";
import { requireAdmin } from "@/server/auth/auth-guard";

export const metadata = { title: "Delegations" };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function DelegationsAdminPage({ searchParams }: Props) {
  await requireAdmin();
  const { deleted } = await searchParams;
  const delegations = await listDelegations();
  return (
    <>
      <h1>Delegations</h1>
      {deleted ? (
        <p className="notice success" role="status">
          The delegation is deleted, with its members and dispatches.
        </p>
      ) : null}
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
