import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyLink } from "@/app/_components/copy-link";
import { SignatureCount } from "@/app/_components/signature-count";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { findPublicDocument } from "@/lib/public-documents";
import { shareLinks } from "@/lib/share-links";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Thank you for signing" };

type Props = { params: Promise<{ collection: string; slug: string }> };

export default async function ThanksPage({ params }: Props) {
  const { collection, slug } = await params;
  const document = await findPublicDocument(collection, slug);
  if (!document) notFound();
  const url = `${getConfig().appUrl}${documentPath(document.kind, document.slug)}`;
  return (
    <>
      <div className="notice success">
        <h1>Thank you: your signature is confirmed</h1>
        <p>It now counts towards “{document.title}”.</p>
        <SignatureCount id="count" count={document.signatureCount} goal={document.goal} />
      </div>
      <section aria-labelledby="share-heading">
        <h2 id="share-heading">Ask others to sign</h2>
        <p>Every signature the delegation carries adds weight. Share the {document.kind}:</p>
        <CopyLink url={url} />
        <ul className="share">
          {shareLinks(url, document.title).map((link) => (
            <li key={link.name}>
              {link.href.startsWith("mailto:") ? (
                <a href={link.href}>{link.name}</a>
              ) : (
                <a href={link.href} rel="noopener noreferrer" target="_blank">
                  {link.name}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link href={documentPath(document.kind, document.slug)}>Back to the {document.kind}</Link>
      </p>
    </>
  );
}
