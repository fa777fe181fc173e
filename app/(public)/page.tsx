import Link from "next/link";
import { Markdown } from "@/app/_components/markdown";
import { SignatureCount } from "@/app/_components/signature-count";
import { getFeaturedDelegation, listPublishedDocuments } from "@/db/queries/documents";
import { documentPath } from "@/lib/collections";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [documents, delegation] = await Promise.all([listPublishedDocuments(), getFeaturedDelegation()]);
  return (
    <>
      <h1>{delegation?.title ?? "Sign and send"}</h1>
      {delegation ? <p className="lede">{delegation.summary}</p> : null}
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="visually-hidden">
          What you can sign
        </h2>
        <div className="cards">
          {documents.map((document) => (
            <article key={document.id} className="card">
              <p className="kind">{document.kind === "petition" ? "Petition" : "Open letter"}</p>
              <h3>
                <Link href={documentPath(document.kind, document.slug)}>{document.title}</Link>
              </h3>
              <p>{document.summary}</p>
              <SignatureCount id={`count-${document.slug}`} count={document.signatureCount} goal={document.goal} />
              <p>
                <Link className="button" href={`${documentPath(document.kind, document.slug)}#sign`}>
                  {document.status === "open"
                    ? `Read and sign${document.kind === "letter" ? " the letter" : ""}`
                    : "Read it"}
                  <span className="visually-hidden">: {document.title}</span>
                </Link>
              </p>
            </article>
          ))}
        </div>
      </section>
      {delegation ? (
        <section aria-labelledby="delegation-heading" className="card">
          <h2 id="delegation-heading">The delegation</h2>
          <Markdown>{delegation.body}</Markdown>
        </section>
      ) : null}
    </>
  );
}
