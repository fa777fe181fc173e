import "server-only";
import { listDelegations } from "@/db/queries/delegations";
import { listAllDocuments } from "@/db/queries/documents";
import type { CampaignUpdate, UpdateTarget } from "@/db/queries/updates";

export type UpdateTargetOption = { value: string; label: string; target: UpdateTarget };

/** Whose signers an update can be for: one document's, or those of everything a delegation carries. */
export async function listUpdateTargets(): Promise<UpdateTargetOption[]> {
  const [documents, delegations] = await Promise.all([listAllDocuments("en"), listDelegations()]);
  return [
    ...delegations.map((delegation) => ({
      value: `delegation:${delegation.slug}`,
      label: `Delegation: ${delegation.texts.en.title} (signers of every document it carries)`,
      target: { delegationId: delegation.id },
    })),
    ...documents.map((document) => ({
      value: `document:${document.slug}`,
      label: `${document.kind === "letter" ? "Letter" : "Petition"}: ${document.title}`,
      target: { documentId: document.id },
    })),
  ];
}

export function targetOptionOf(
  options: UpdateTargetOption[],
  update: Pick<CampaignUpdate, "documentId" | "delegationId">,
) {
  return options.find(({ target }) =>
    "documentId" in target ? target.documentId === update.documentId : target.delegationId === update.delegationId,
  );
}
