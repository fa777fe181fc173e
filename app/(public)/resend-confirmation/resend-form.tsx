import { listOpenDocuments } from "@/db/queries/documents";
import { ResendFormFields } from "./resend-form-fields";

export async function ResendForm({ selected }: { selected?: string }) {
  const documents = await listOpenDocuments();
  return <ResendFormFields documents={documents.map(({ slug, title }) => ({ slug, title }))} selected={selected} />;
}
