import type { Metadata } from "next";
import Link from "next/link";
import { findSignatureByToken } from "@/db/queries/signatures";
import { documentPath } from "@/lib/collections";
import { countryName } from "@/lib/countries";
import { publicName } from "@/lib/public-name";
import { hashToken, isWellFormedToken } from "@/lib/tokens";
import { ResendForm } from "../../resend-confirmation/resend-form";
import { confirmAction } from "./actions";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Confirm your signature" };

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmPage({ params }: Props) {
  const { token } = await params;
  const found = isWellFormedToken(token) ? await findSignatureByToken(hashToken(token)) : { status: "unknown" as const };

  if (found.status === "unknown" || found.status === "expired") {
    return (
      <>
        <h1>{found.status === "expired" ? "This link has expired" : "We don’t recognise this link"}</h1>
        <p>
          {found.status === "expired"
            ? "Confirmation links work for a limited time, and this one is too old. Nothing has been counted yet."
            : "The link may be incomplete (some email programs break long links) or no longer valid."}{" "}
          Enter your email address and we will send you a new link if there is a signature waiting for it.
        </p>
        <ResendForm selected={found.status === "expired" ? found.document.slug : undefined} />
      </>
    );
  }

  const { signature, document } = found;
  const back = documentPath(document.kind, document.slug);
  if (found.status === "confirmed") {
    return (
      <div className="notice success">
        <h1>Your signature is already confirmed</h1>
        <p>It is counted once on “{document.title}”. There is nothing more to do.</p>
        <p>
          <Link href={back}>See the {document.kind} and its count</Link>
        </p>
      </div>
    );
  }
  if (found.status === "closed") {
    return (
      <div className="notice">
        <h1>This {document.kind} is closed</h1>
        <p>“{document.title}” stopped taking signatures before this one was confirmed, so it cannot be counted.</p>
        <p>
          <Link href={back}>See the {document.kind}</Link>
        </p>
      </div>
    );
  }

  const shown = publicName(signature.name, signature.display);
  return (
    <>
      <h1>Confirm your signature</h1>
      <p>You are confirming your signature on:</p>
      <p className="card">
        <strong>{document.title}</strong>
        <br />
        <span className="addressee">To: {document.addressee}</span>
      </p>
      <dl className="details">
        <dt>Name</dt>
        <dd>{signature.name}</dd>
        <dt>Where</dt>
        <dd>
          {signature.city ? `${signature.city}, ` : ""}
          {countryName(signature.country)}
        </dd>
        <dt>Shown publicly as</dt>
        <dd>{shown ? `${shown}${signature.city ? `, ${signature.city}` : ""}` : "Not shown publicly (still delivered)"}</dd>
      </dl>
      <form action={confirmAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm my signature</button>
      </form>
      <p className="hint">If you did not sign, close this page: nothing is counted unless you press the button.</p>
    </>
  );
}
