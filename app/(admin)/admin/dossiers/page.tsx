import Link from "next/link";
import { listAllDocuments } from "@/db/queries/documents";
import { listDossiers } from "@/db/queries/dossiers";
import { requireAdmin } from "@/server/auth/auth-guard";
import { formatUtc } from "@/lib/format/utc";
import { englishLanguageNames, locales } from "@/lib/i18n/locales";
import { AdminForm, SelectField, SubmitButton } from "@/app/_components/admin-form";
import { generateDossierAction } from "./actions";

export const metadata = { title: "Delivery dossiers" };

export default async function DossiersPage() {
  await requireAdmin();
  const [documents, dossiers] = await Promise.all([listAllDocuments(), listDossiers()]);
  const titleOf = new Map(documents.map((document) => [document.id, document.title]));
  const generating = dossiers.some((dossier) => dossier.status === "generating");
  return (
    <>
      {/* While a dossier is being made the page reloads itself, so its progress shows without JavaScript. */}
      {generating ? <meta httpEquiv="refresh" content="2" /> : null}
      <h1>Delivery dossiers</h1>
      <p>
        A dossier is the printable PDF the delegation hands over: a cover with the text and the count, then every
        confirmed signature in signing order, including those not shown publicly. Recording a delivery freezes the
        dossier it names, and its SHA-256 is published on the delegation page.
      </p>
      <AdminForm action={generateDossierAction} className="form card filters">
        <SelectField
          name="document"
          label="Document"
          options={documents.map((document) => ({
            value: document.slug,
            label: `${document.title} (${document.signatureCount.toLocaleString("en")} confirmed)`,
          }))}
          initial={documents[0]?.slug}
        />
        <SelectField
          name="locale"
          label="Language of the cover"
          options={locales.map((locale) => ({ value: locale, label: englishLanguageNames[locale] }))}
          initial="en"
        />
        <div className="actions">
          <SubmitButton>Generate a dossier</SubmitButton>
        </div>
      </AdminForm>
      <table>
        <caption className="visually-hidden">Dossiers, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Dossier</th>
            <th scope="col">Document</th>
            <th scope="col">Language</th>
            <th scope="col">Progress</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {dossiers.map((dossier) => (
            <tr key={dossier.id}>
              <td>
                #{dossier.id}, {formatUtc(dossier.createdAt, "second")}
                {dossier.frozenAt ? <> (delivered)</> : null}
              </td>
              <td>{titleOf.get(dossier.documentId)}</td>
              <td>{dossier.locale}</td>
              <td>
                {dossier.status === "generating" ? (
                  <>
                    <progress
                      max={Math.max(dossier.total, 1)}
                      value={dossier.done}
                      aria-label={`Dossier ${dossier.id}`}
                    />{" "}
                    {dossier.done.toLocaleString("en")} of {signatures(dossier.total)}
                  </>
                ) : dossier.status === "ready" ? (
                  <>
                    <MissingGlyphs count={dossier.missingGlyphs} names={dossier.missingGlyphNames} />
                    <a href={`/api/admin/dossiers/${dossier.id}`} download>
                      Download PDF
                    </a>{" "}
                    ({signatures(dossier.total)}, {dossier.pages} {dossier.pages === 1 ? "page" : "pages"},{" "}
                    {Math.round((dossier.bytes ?? 0) / 1024).toLocaleString("en")} KB)
                  </>
                ) : (
                  <>Failed: {dossier.error}</>
                )}
              </td>
              <td>
                <code className="hash">{dossier.sha256 ?? "—"}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Link href="/admin/delegations">Record a delivery</Link>
      </p>
    </>
  );
}

const signatures = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "signature" : "signatures"}`;

/** Shown before the download: what the printed dossier cannot show, and where, so it can be checked first. */
function MissingGlyphs({ count, names }: { count: number; names: string[] }) {
  if (count === 0) return null;
  return (
    <div className="notice warning" role="note">
      <p>
        <strong>
          {count.toLocaleString("en")} {count === 1 ? "character has" : "characters have"} no glyph in the embedded
          fonts
        </strong>{" "}
        (emoji, for example) and {count === 1 ? "is" : "are"} printed as “�”.{" "}
        {names.length === 1
          ? "The signature affected:"
          : `The ${names.length === 20 ? "first 20 " : ""}signatures affected:`}
      </p>
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </div>
  );
}
