import { AdminForm, SubmitButton, TextArea } from "@/app/_components/admin-form";
import type { Document } from "@/db/schema";
import { documentPath } from "@/lib/collections";
import { localePath } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/locales";
import { storedOrigins } from "@/lib/security/embed-origins";
import { saveEmbedOriginsAction } from "./embed-actions";

type Props = { document: Document; locale: Locale; appUrl: string };

/** The embed snippets to copy, and the sites allowed to frame them (docs/embeds.md). */
export function EmbedSection({ document, locale, appUrl }: Props) {
  const path = documentPath(document.kind, document.slug);
  const embedUrl = `${appUrl}${localePath(locale, `/embed${path}`)}`;
  const badgeUrl = `${appUrl}/badge${path}${locale === "en" ? "" : `.${locale}`}.svg`;
  const formSnippet =
    `<iframe src="${embedUrl}" title="Sign" style="width:100%;max-width:40rem;height:900px;border:0" loading="lazy"></iframe>\n` +
    `<script src="${appUrl}/embed.js" async></script>`;
  const counterSnippet = `<iframe src="${embedUrl}/counter" title="Signatures" style="width:18rem;height:5rem;border:0"></iframe>`;
  const badgeSnippet = `<a href="${appUrl}${localePath(locale, path)}"><img src="${badgeUrl}" alt="Signatures"></a>`;
  const origins = storedOrigins(document.embedOrigins);
  return (
    <section aria-labelledby="embeds" className="card">
      <h2 id="embeds">Embed on other sites</h2>
      <p>
        Partners paste these into their pages. The form signs like the campaign page (same checks, limits and
        confirmation email) and records the partner&apos;s site as the signatures&apos; source. Add{" "}
        <code>?source=label</code> to any campaign link to count its signatures separately.
      </p>
      <Snippet
        id="embed-form-snippet"
        label="Sign form (an iframe, and a script that fits its height)"
        code={formSnippet}
      />
      <Snippet id="embed-counter-snippet" label="Counter (a small frame)" code={counterSnippet} />
      <Snippet id="embed-badge-snippet" label="Badge (an image)" code={badgeSnippet} />
      <p>
        {origins.length === 0
          ? "Any site may frame the form and the counter."
          : `Only these sites may frame them: ${origins.join(", ")}.`}
      </p>
      <AdminForm action={saveEmbedOriginsAction} className="form">
        <input type="hidden" name="slug" value={document.slug} />
        <input type="hidden" name="lang" value={locale} />
        <TextArea
          name="embedOrigins"
          label="Sites allowed to frame them (one origin per line, like https://example.org; empty: any site)"
          initial={origins.join("\n")}
          rows={4}
        />
        <SubmitButton>Save allowed sites</SubmitButton>
      </AdminForm>
    </section>
  );
}

function Snippet({ id, label, code }: { id: string; label: string; code: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={code.split("\n").length + 1} defaultValue={code} />
    </div>
  );
}
