import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { first, getDb, transaction, type Executor } from "@/db/index";
import { prepared } from "@/db/prepared";
import { documents, documentTexts, signatures, type Document, type DocumentText } from "@/db/schema";
import type { DocumentKind, DocumentStatus } from "@/lib/vocabulary";
import type { Locale } from "@/lib/i18n/locales";
import { queueWebhookEvent } from "./webhooks";

export type TextFields = Pick<DocumentText, "title" | "summary" | "body" | "addressee" | "authors">;
/** A document with its current text in one language (English where that language has no translation). */
export type LocalizedDocument = Document & TextFields & { textLocale: Locale };

const localized = alias(documentTexts, "localized");
const english = alias(documentTexts, "english");

function selectLocalized(locale: Locale | ReturnType<typeof sql.placeholder>, db: Executor = getDb()) {
  return db
    .select({ document: documents, localized, english })
    .from(documents)
    .innerJoin(english, currentText(english, "en"))
    .leftJoin(localized, currentText(localized, locale));
}

/** Joins `text` on its document's current version in `locale`. */
function currentText(text: typeof english | typeof localized, locale: Locale | ReturnType<typeof sql.placeholder>) {
  return and(eq(text.documentId, documents.id), eq(text.version, documents.currentVersion), eq(text.locale, locale));
}

type LocalizedRow = { document: Document; localized: DocumentText | null; english: DocumentText };

function toLocalized({ document, localized: translation, english: original }: LocalizedRow): LocalizedDocument {
  const text = translation ?? original;
  const { title, summary, body, addressee, authors } = text;
  return { ...document, title, summary, body, addressee, authors, textLocale: text.locale };
}

// The signing path reads these on every signature: built once (db/prepared.ts).
const bySlug = () => and(eq(documents.kind, sql.placeholder("kind")), eq(documents.slug, sql.placeholder("slug")));
const selectDocumentBySlug = (db: Executor) => db.select().from(documents).where(bySlug()).prepare();
const selectLocalizedBySlug = (db: Executor) =>
  selectLocalized(sql.placeholder("locale"), db).where(bySlug()).prepare();

export async function getDocumentBySlug(kind: DocumentKind, slug: string) {
  return prepared(getDb(), selectDocumentBySlug).execute({ kind, slug }).then(first);
}

const selectSignableBySlug = (db: Executor) =>
  db
    .select({
      id: documents.id,
      kind: documents.kind,
      slug: documents.slug,
      status: documents.status,
      currentVersion: documents.currentVersion,
      localizedTitle: localized.title,
      englishTitle: english.title,
    })
    .from(documents)
    .innerJoin(english, currentText(english, "en"))
    .leftJoin(localized, currentText(localized, sql.placeholder("locale")))
    .where(bySlug())
    .prepare();

/** What signing needs of a document: its state, and its title in one language (English where that language has none). */
export async function getSignableDocument(kind: DocumentKind, slug: string, locale: Locale) {
  const row = await prepared(getDb(), selectSignableBySlug).execute({ kind, slug, locale }).then(first);
  if (!row) return undefined;
  const { localizedTitle, englishTitle, ...document } = row;
  return { ...document, title: localizedTitle ?? englishTitle };
}

export async function getLocalizedDocument(kind: DocumentKind, slug: string, locale: Locale) {
  const row = await prepared(getDb(), selectLocalizedBySlug).execute({ kind, slug, locale }).then(first);
  return row && toLocalized(row);
}

export async function getLocalizedDocumentById(id: number, locale: Locale) {
  const row = await selectLocalized(locale).where(eq(documents.id, id)).then(first);
  return row && toLocalized(row);
}

/** Documents the public may see: everything but drafts, open ones first, petitions before letters. */
export async function listPublishedDocuments(locale: Locale) {
  const rows = await selectLocalized(locale)
    .where(ne(documents.status, "draft"))
    .orderBy(desc(documents.status), desc(documents.kind), documents.id);
  return rows.map(toLocalized);
}

export async function listOpenDocuments(locale: Locale) {
  const rows = await selectLocalized(locale).where(eq(documents.status, "open")).orderBy(documents.id);
  return rows.map(toLocalized);
}

export async function listAllDocuments(locale: Locale = "en") {
  const rows = await selectLocalized(locale).orderBy(documents.id);
  return rows.map(toLocalized);
}

/** Any document, of any kind or status, by its slug (slugs are unique across kinds). */
export async function findDocumentBySlug(slug: string) {
  return getDb().select().from(documents).where(eq(documents.slug, slug)).then(first);
}

/** Every language's text of one version, for the editor. */
export async function listDocumentTexts(documentId: number, version: number) {
  return getDb()
    .select()
    .from(documentTexts)
    .where(and(eq(documentTexts.documentId, documentId), eq(documentTexts.version, version)))
    .orderBy(asc(documentTexts.locale));
}

/** The latest confirmed signers who agreed to be shown; hidden signers never leave the database here. */
export async function listRecentPublicSigners(documentId: number, limit = 10) {
  return getDb()
    .select({
      id: signatures.id,
      name: signatures.name,
      city: signatures.city,
      country: signatures.country,
      organisation: signatures.organisation,
      role: signatures.role,
      display: signatures.display,
      confirmedAt: signatures.confirmedAt,
    })
    .from(signatures)
    .where(
      and(eq(signatures.documentId, documentId), eq(signatures.state, "confirmed"), ne(signatures.display, "hidden")),
    )
    .orderBy(desc(signatures.confirmedAt))
    .limit(limit);
}

export type DocumentEdit = { locale: Locale; text: TextFields; goal: number; status: DocumentStatus };
type EditedField = keyof TextFields | "goal" | "status";

const sameText = (a: TextFields, b: TextFields) =>
  a.title === b.title &&
  a.summary === b.summary &&
  a.body === b.body &&
  a.addressee === b.addressee &&
  JSON.stringify(a.authors) === JSON.stringify(b.authors);

/**
 * Saves an organiser's edit of one language's text and says which fields changed (for the audit log).
 * A draft's text is rewritten in place; once published, a changed text becomes a new version, so every
 * signature keeps pointing at the words its signer was shown.
 */
export async function updateDocument(id: number, edit: DocumentEdit) {
  return transaction(async (tx) => {
    const document = await tx.select().from(documents).where(eq(documents.id, id)).then(first);
    if (!document) return null;
    const texts = await tx
      .select()
      .from(documentTexts)
      .where(and(eq(documentTexts.documentId, id), eq(documentTexts.version, document.currentVersion)));
    const before = texts.find((text) => text.locale === edit.locale);
    const changed: EditedField[] = (["title", "summary", "body", "addressee", "authors"] as const).filter(
      (key) => !before || JSON.stringify(before[key]) !== JSON.stringify(edit.text[key]),
    );
    if (document.goal !== edit.goal) changed.push("goal");
    if (document.status !== edit.status) changed.push("status");
    const textChanged = !before || !sameText(before, edit.text);
    let version = document.currentVersion;
    if (textChanged && document.status !== "draft" && before) {
      version += 1;
      const copies = texts
        .filter((text) => text.locale !== edit.locale)
        .map(({ documentId, locale, title, summary, body, addressee, authors }) => ({
          ...{ documentId, locale, title, summary, body, addressee, authors },
          version,
        }));
      if (copies.length > 0) await tx.insert(documentTexts).values(copies);
      await tx.insert(documentTexts).values({ documentId: id, version, locale: edit.locale, ...edit.text });
    } else if (textChanged) {
      await tx
        .insert(documentTexts)
        .values({ documentId: id, version, locale: edit.locale, ...edit.text })
        .onConflictDoUpdate({
          target: [documentTexts.documentId, documentTexts.version, documentTexts.locale],
          set: edit.text,
        });
    }
    if (changed.length > 0) {
      const closing = edit.status === "closed" && document.status !== "closed";
      await tx
        .update(documents)
        .set({
          goal: edit.goal,
          status: edit.status,
          currentVersion: version,
          updatedAt: new Date(),
          ...(closing ? { closedAt: new Date() } : edit.status !== "closed" ? { closedAt: null } : {}),
        })
        .where(eq(documents.id, id));
      if (closing) await queueClosedEvent(tx, document);
    }
    return { document, before, changed, version };
  });
}

/**
 * A published document's embed allow-list (space-separated origins; null: any site may frame it), or
 * undefined when no published document has this address.
 */
export async function getEmbedOrigins(kind: DocumentKind, slug: string): Promise<string | null | undefined> {
  const row = await getDb()
    .select({ embedOrigins: documents.embedOrigins, status: documents.status })
    .from(documents)
    .where(and(eq(documents.kind, kind), eq(documents.slug, slug)))
    .then(first);
  return row && row.status !== "draft" ? row.embedOrigins : undefined;
}

/** Saves a document's embed allow-list (already validated origins; empty: any site). Returns the previous one. */
export async function setEmbedOrigins(id: number, origins: string[]) {
  return transaction(async (tx) => {
    const row = await tx
      .select({ embedOrigins: documents.embedOrigins })
      .from(documents)
      .where(eq(documents.id, id))
      .then(first);
    if (!row) return undefined;
    await tx
      .update(documents)
      .set({ embedOrigins: origins.length > 0 ? origins.join(" ") : null })
      .where(eq(documents.id, id));
    return row.embedOrigins;
  });
}

/**
 * Tells webhook endpoints a document has closed, in the transaction that closes it; whatever closes a
 * document (an organiser's edit, a scheduled close) calls this.
 * @public
 */
export async function queueClosedEvent(
  tx: Executor,
  document: Pick<Document, "id" | "slug" | "kind">,
  now = new Date(),
) {
  const [counted] = await tx
    .select({ signatureCount: documents.signatureCount })
    .from(documents)
    .where(eq(documents.id, document.id));
  await queueWebhookEvent(
    tx,
    "campaign.closed",
    {
      petition: {
        id: document.slug,
        kind: document.kind,
        total_signatures: counted?.signatureCount ?? 0,
        closed_date: now.toISOString(),
      },
    },
    now,
  );
}
