import Link from "next/link";
import { notFound } from "next/navigation";
import { getDelegationBySlug, inLocale, listCarriedDocumentIds, listCarriedDocuments } from "@/db/queries/delegations";
import { listMembers } from "@/db/queries/delegation-members";
import { listDispatches } from "@/db/queries/delegation-dispatches";
import { listDeliveries } from "@/db/queries/delegation-deliveries";
import { listAllDocuments } from "@/db/queries/documents";
import { listReadyDossiers } from "@/db/queries/dossiers";
import { requireAdmin } from "@/server/auth/auth-guard";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { updateDelegationTextsAction } from "../actions";
import { StoryFields } from "../story-fields";
import { CarriedSection } from "./carried-section";
import { DeliverySection } from "./delivery-section";
import { DispatchesSection } from "./dispatches-section";
import { MembersSection } from "./members-section";

export const metadata = { title: "Delegation" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ posted?: string; recorded?: string; saved?: string }>;
};

const savedNotices: Record<string, string> = {
  created: "The delegation is created. Add its members and the campaigns it carries.",
  dispatch: "The dispatch is saved. The public page shows it now.",
  "dispatch-removed": "The dispatch is removed from the public page.",
  order: "The members' order is saved.",
};

export default async function DelegationAdminPage({ params, searchParams }: Props) {
  await requireAdmin();
  const delegation = await getDelegationBySlug((await params).slug);
  if (!delegation) notFound();
  const [carried, carriedIds, allDocuments, dispatches, deliveries, members] = await Promise.all([
    listCarriedDocuments(delegation.id, "en"),
    listCarriedDocumentIds(delegation.id),
    listAllDocuments("en"),
    listDispatches(delegation.id),
    listDeliveries(delegation.id),
    listMembers(delegation.id),
  ]);
  const dossiersByDocument = await Promise.all(carried.map((document) => listReadyDossiers(document.id)));
  const titleOf = new Map(allDocuments.map((document) => [document.id, document.title]));
  const { posted, recorded, saved } = await searchParams;
  const ofThis = <input type="hidden" name="delegation" value={delegation.slug} />;
  return (
    <>
      <p>
        <Link href="/admin/delegations">All delegations</Link>
      </p>
      <h1>{inLocale(delegation.texts, "en").title}</h1>
      <p>
        Public page: <Link href={`/delegations/${delegation.slug}`}>/delegations/{delegation.slug}</Link>
      </p>
      {posted ? (
        <p className="notice success" role="status">
          The dispatch is published.
        </p>
      ) : null}
      {recorded ? (
        <p className="notice success" role="status">
          The delivery is recorded and its dossiers are frozen.
        </p>
      ) : null}
      {saved ? (
        <p className="notice success" role="status">
          {savedNotices[saved] ?? "Saved. The public page shows it now."}
        </p>
      ) : null}

      <section aria-labelledby="text-heading" className="card">
        <h2 id="text-heading">The delegation&apos;s story</h2>
        <AdminForm action={updateDelegationTextsAction} className="form">
          {ofThis}
          <StoryFields texts={delegation.texts} />
          <div className="actions">
            <SubmitButton>Save the story</SubmitButton>
          </div>
        </AdminForm>
      </section>

      <MembersSection slug={delegation.slug} members={members} />
      <CarriedSection slug={delegation.slug} carriedIds={carriedIds} allDocuments={allDocuments} />
      <DispatchesSection slug={delegation.slug} dispatches={dispatches} />
      <DeliverySection
        slug={delegation.slug}
        carried={carried}
        dossiersByDocument={dossiersByDocument}
        deliveries={deliveries}
        titleOf={titleOf}
      />
      <p>
        <Link href={`/admin/delegations/${delegation.slug}/delete`}>Delete this delegation…</Link>
      </p>
    </>
  );
}
