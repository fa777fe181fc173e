import { Markdown } from "@/app/_components/markdown";
import type { UpdateTexts } from "@/db/queries/updates";
import { englishLanguageNames as languageNames, type Locale } from "@/lib/i18n/locales";
import type { OutgoingEmail } from "@/emails/transport/send";

// Plain data in, markup out: rendered by server pages, and by the form from its action state (which must
// hold data, not elements, so that it can be posted back by a browser without JavaScript).
export type UpdatePreviewData = {
  texts: UpdateTexts;
  recipients: number;
  emails: (OutgoingEmail & { locale: Locale })[];
};

function RecipientCount({ count }: { count: number }) {
  return (
    <p className="count">
      <strong>{count.toLocaleString("en")}</strong> {count === 1 ? "person" : "people"} would receive it now: confirmed
      signers who asked for updates, each once however many of the documents they signed.
    </p>
  );
}

export function UpdatePreview({
  data,
  heading,
  showRecipients = true,
}: {
  data: UpdatePreviewData;
  heading: string;
  showRecipients?: boolean;
}) {
  return (
    <section aria-labelledby="preview-heading" className="update-preview">
      <h2 id="preview-heading">{heading}</h2>
      {showRecipients ? <RecipientCount count={data.recipients} /> : null}
      {data.emails.map((email) => {
        const text = data.texts[email.locale];
        return (
          <section key={email.locale} aria-labelledby={`preview-${email.locale}`} className="card">
            <h3 id={`preview-${email.locale}`}>For signers in {languageNames[email.locale]}</h3>
            {text ? null : (
              <p className="hint">No {languageNames[email.locale]} version: these signers get the English text.</p>
            )}
            <h4>On the web</h4>
            <div className="document-text" lang={text ? email.locale : "en"}>
              <h5>{(text ?? data.texts.en).subject}</h5>
              <Markdown>{(text ?? data.texts.en).body}</Markdown>
            </div>
            <h4>By email</h4>
            <p>
              Subject: <strong>{email.subject}</strong>
              <br />
              <span className="hint">
                Headers: List-Unsubscribe, List-Unsubscribe-Post: {email.headers?.["List-Unsubscribe-Post"]}
              </span>
            </p>
            {/* An empty sandbox: the email's HTML can neither run script nor navigate this page. */}
            <iframe
              title={`The email in ${languageNames[email.locale]}`}
              srcDoc={email.html}
              sandbox=""
              style={{ width: "100%", height: "26rem", border: "1px solid #ccc", background: "#fff" }}
            />
            <details>
              <summary>Plain-text version</summary>
              <pre style={{ whiteSpace: "pre-wrap" }}>{email.text}</pre>
            </details>
          </section>
        );
      })}
    </section>
  );
}
