import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Markdown } from "@/app/_components/markdown";
import { SignatureCount } from "@/app/_components/signature-count";
import { countryName, countryOptions } from "@/lib/countries";
import { publicName } from "@/lib/public-name";
import { getPublicDocumentPage } from "@/lib/public-cache";
import { signAction } from "./actions";
import { SignForm } from "./sign-form";

// Rendered per request for its CSP nonce; the data comes from a cache refreshed at most every
// 5 seconds, so a surge of readers does not reach the database.
type Props = { params: Promise<{ collection: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { collection, slug } = await params;
  const found = await getPublicDocumentPage(collection, slug);
  return found ? { title: found.document.title, description: found.document.summary } : {};
}

export default async function DocumentPage({ params }: Props) {
  const { collection, slug } = await params;
  const found = await getPublicDocumentPage(collection, slug);
  if (!found) notFound();
  const { document, signers } = found;
  const kindLabel = document.kind === "petition" ? "Petition" : "Open letter";
  return (
    <article>
      <p className="kind">{kindLabel}</p>
      <h1>{document.title}</h1>
      <p className="addressee">To: {document.addressee}</p>
      <SignatureCount id="count" count={document.signatureCount} goal={document.goal} />
      <div className="document-layout">
        <div>
          <section className="document-text" aria-label={`Text of the ${document.kind}`}>
            <Markdown>{document.body}</Markdown>
          </section>
          <section aria-labelledby="signers-heading">
            <h2 id="signers-heading">Recent signers</h2>
            {signers.length === 0 ? (
              <p>No public signatures yet. Be the first.</p>
            ) : (
              <ul className="signers">
                {signers.map((signer) => (
                  <li key={signer.id}>
                    {publicName(signer.name, signer.display)}
                    {signer.city ? `, ${signer.city}` : ""}, {countryName(signer.country)}
                    {signer.confirmedAt ? (
                      <>
                        {" "}
                        <time className="when" dateTime={signer.confirmedAt}>
                          {new Date(signer.confirmedAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}
                        </time>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <section id="sign" aria-labelledby="sign-heading" className="card">
          <h2 id="sign-heading">{document.kind === "petition" ? "Sign the petition" : "Co-sign the letter"}</h2>
          {document.status === "open" ? (
            <SignForm
              action={signAction.bind(null, collection, slug)}
              countries={countryOptions}
              documentKind={document.kind}
            />
          ) : (
            <p className="notice">This {document.kind} is closed: it no longer takes signatures.</p>
          )}
        </section>
      </div>
    </article>
  );
}
