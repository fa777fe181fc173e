import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { delegationFootprint, getDelegationBySlug, inLocale } from "@/db/queries/delegations";
import { requireAdmin } from "@/server/auth/auth-guard";
import { deleteDelegationAction } from "../../actions";

export const metadata = { title: "Delete a delegation" };

type Props = { params: Promise<{ slug: string }> };

const several = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The confirmation step before a delegation is deleted: what goes with it, or why it cannot go. */
export default async function DeleteDelegationPage({ params }: Props) {
  await requireAdmin();
  const delegation = await getDelegationBySlug((await params).slug);
  if (!delegation) notFound();
  const footprint = await delegationFootprint(delegation.id);
  const title = inLocale(delegation.texts, "en").title;
  const kept = footprint.deliveries > 0 || footprint.updates > 0;
  return (
    <>
      <p>
        <Link href={`/admin/delegations/${delegation.slug}`}>Back to the delegation</Link>
      </p>
      <h1>Delete “{title}”?</h1>
      {kept ? (
        <p className="notice error">
          It cannot be deleted: it has {several(footprint.deliveries, "recorded delivery", "recorded deliveries")} and{" "}
          {several(footprint.updates, "update", "updates")} addressed through it, which are the public&apos;s and the
          signers&apos; record of what was done.
        </p>
      ) : (
        <>
          <p>
            Its public page <code>/delegations/{delegation.slug}</code> goes, with its story,{" "}
            {several(footprint.members, "member", "members")} and{" "}
            {several(footprint.dispatches, "dispatch", "dispatches")}. The petitions and letters it carries stay, with
            their signatures. This cannot be undone; the audit log keeps a line saying who deleted it.
          </p>
          <AdminForm action={deleteDelegationAction} className="actions">
            <input type="hidden" name="delegation" value={delegation.slug} />
            <SubmitButton className="danger">Delete the delegation</SubmitButton>
          </AdminForm>
        </>
      )}
    </>
  );
}
