import Link from "next/link";
import { notFound } from "next/navigation";
import { findDocumentBySlug, listDocumentTexts } from "@/db/queries/documents";
import { englishLanguageNames as languageNames, locales, toLocale } from "@/lib/i18n/locales";
import { requireAdmin } from "@/server/auth/auth-guard";
import { documentPath } from "@/lib/collections";
import { formatAuthors } from "@/server/admin/inputs/document-input";
import { localePath } from "@/lib/i18n/paths";
import { listOldSlugs } from "@/db/queries/campaigns";
import { getDocumentFaq } from "@/db/queries/faqs";
import { getDocumentResponse } from "@/db/queries/responses";
import { editDocumentAction } from "./actions";
import { FaqForm, ResponseForm, ScheduleForm } from "./campaign-forms";
import { EditDocumentForm } from "./edit-form";
import { EmbedSection } from "./embed-section";
import { getConfig } from "@/lib/config";

export const metadata = { title: "Edit document" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ saved?: string; created?: string; lang?: string }>;
};

export default async function EditDocumentPage({ params, searchParams }: Props) {
  await requireAdmin();
  const { slug } = await params;
  const document = await findDocumentBySlug(slug);
  if (!document) notFound();
  const { saved, created, lang } = await searchParams;
  const locale = toLocale(lang);
  const texts = await listDocumentTexts(document.id, document.currentVersion);
  const english = texts.find((text) => text.locale === "en")!;
  const text = texts.find((text) => text.locale === locale);
  const publicPath = localePath(locale, documentPath(document.kind, document.slug));
  const [oldSlugs, response, faqEn, faqRu] = await Promise.all([
    listOldSlugs(document.id),
    getDocumentResponse(document.id),
    getDocumentFaq(document.id, "en"),
    getDocumentFaq(document.id, "ru"),
  ]);
  return (
    <>
      <p>
        <Link href="/admin/documents">All documents</Link>
      </p>
      <h1>Edit: {english.title}</h1>
      <p>
        Version {document.currentVersion}. Editing the text of a document that is open or closed makes a new version;
        each signature keeps the version its signer was shown. Public page: <Link href={publicPath}>{publicPath}</Link>.
      </p>
      <nav aria-label="Language of the text">
        <ul className="languages">
          {locales.map((code) => (
            <li key={code}>
              {code === locale ? (
                <span aria-current="page">{languageNames[code]}</span>
              ) : (
                <Link href={`/admin/documents/${document.slug}?lang=${code}`}>{languageNames[code]}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {!text ? (
        <p className="notice">
          No {languageNames[locale]} text yet: the public page shows the English one. Start from it below.
        </p>
      ) : null}
      {(saved && saved !== "embeds") || created ? (
        <p className="notice success" role="status">
          {created ? "Created as a draft." : "Saved."}
        </p>
      ) : null}
      <EditDocumentForm
        key={locale}
        initial={{
          locale,
          ...(({ title, summary, body, addressee }) => ({ title, summary, body, addressee }))(text ?? english),
          authors: formatAuthors((text ?? english).authors),
          goal: String(document.goal),
          status: document.status,
        }}
        slug={document.slug}
        action={editDocumentAction}
      />
      <ScheduleForm key={`schedule-${document.slug}`} document={document} oldSlugs={oldSlugs} />
      <ResponseForm document={document} response={response} />
      <FaqForm document={document} faq={{ en: faqEn, ru: faqRu }} />
      {saved === "embeds" ? (
        <p className="notice success" role="status">
          Allowed sites saved.
        </p>
      ) : null}
      <EmbedSection document={document} locale={locale} appUrl={getConfig().appUrl} />
    </>
  );
}
