import Link from "next/link";
import { notFound } from "next/navigation";
import { findDocumentBySlug } from "@/db/queries/documents";
import { requireAdmin } from "@/lib/auth-guard";
import { documentPath } from "@/lib/collections";
import { editDocumentAction } from "./actions";
import { EditDocumentForm } from "./edit-form";

export const metadata = { title: "Edit document" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditDocumentPage({ params, searchParams }: Props) {
  await requireAdmin();
  const { slug } = await params;
  const document = await findDocumentBySlug(slug);
  if (!document) notFound();
  const { saved } = await searchParams;
  return (
    <>
      <p><Link href="/admin/documents">All documents</Link></p>
      <h1>Edit: {document.title}</h1>
      <p>
        Public page: <Link href={documentPath(document.kind, document.slug)}>{documentPath(document.kind, document.slug)}</Link>.
        Saved changes show there at once.
      </p>
      {saved ? <p className="notice success" role="status">Saved.</p> : null}
      <EditDocumentForm document={document} action={editDocumentAction.bind(null, document.slug)} />
    </>
  );
}
