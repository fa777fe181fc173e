import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { documentPath } from "@/lib/collections";
import { findPublicDocument } from "@/lib/public-documents";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Check your inbox" };

type Props = { params: Promise<{ collection: string; slug: string }> };

// The same words whether or not this address had signed before: nobody learns who signed from here.
export default async function SentPage({ params }: Props) {
  const { collection, slug } = await params;
  const document = await findPublicDocument(collection, slug);
  if (!document) notFound();
  return (
    <div className="notice success">
      <h1>Check your inbox</h1>
      <p>
        We have sent an email to the address you gave. Open it and follow the link to confirm your signature on
        “{document.title}”. Your signature is counted once you confirm it.
      </p>
      <p>
        No email after a few minutes? Look in your spam folder, or{" "}
        <Link href={`/resend-confirmation?document=${document.slug}`}>ask for a new link</Link>.
      </p>
      <p>
        <Link href={documentPath(document.kind, document.slug)}>Back to the {document.kind}</Link>
      </p>
    </div>
  );
}
