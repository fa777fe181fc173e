import Link from "next/link";
import { listAllDocuments } from "@/db/queries/documents";
import { requireAdmin } from "@/server/auth/auth-guard";
import { documentPath } from "@/lib/collections";
import { formatUtc } from "@/lib/format/utc";

export const metadata = { title: "Documents" };

export default async function DocumentsPage() {
  await requireAdmin();
  const documents = await listAllDocuments();
  return (
    <>
      <h1>Documents</h1>
      <p className="actions">
        <Link className="button" href="/admin/documents/new?kind=petition">
          New petition
        </Link>{" "}
        <Link className="button" href="/admin/documents/new?kind=letter">
          New letter
        </Link>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Closes</th>
            <th scope="col">Outcome</th>
            <th scope="col">Public page</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id}>
              <td>
                <Link href={`/admin/documents/${document.slug}`}>{document.title}</Link>
              </td>
              <td>{document.kind}</td>
              <td>{document.status}</td>
              <td>{document.signatureCount.toLocaleString("en")}</td>
              <td>{document.closesAt ? formatUtc(document.closesAt) : "—"}</td>
              <td>{document.outcome ?? "—"}</td>
              <td>
                <Link href={documentPath(document.kind, document.slug)}>
                  {documentPath(document.kind, document.slug)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
