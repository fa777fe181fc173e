import Link from "next/link";
import { listAllDocuments } from "@/db/queries/documents";
import { requireAdmin } from "@/server/auth/auth-guard";
import { documentPath } from "@/lib/collections";

export const metadata = { title: "Documents" };

export default async function DocumentsPage() {
  await requireAdmin();
  const documents = await listAllDocuments();
  return (
    <>
      <h1>Documents</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Confirmed</th>
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
