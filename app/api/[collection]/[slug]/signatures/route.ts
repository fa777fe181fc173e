import { getSignableDocument } from "@/db/queries/documents";
import { isCrossSite } from "@/lib/security/cross-site";
import { kindOfCollection } from "@/lib/collections";
import { isLocale, locales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { readJsonBody } from "@/lib/security/json-body";
import { fieldErrors, signatureInputSchema } from "@/lib/forms/signature-input";
import { API_SOURCE, SOURCE_RULE, sourceLabel } from "@/lib/forms/signature-source";
import { signDocument } from "@/server/signing/signing";

type Context = { params: Promise<{ collection: string; slug: string }> };

const noStore = { "Cache-Control": "no-store" };
const fail = (status: number, body: object) => Response.json(body, { status, headers: noStore });
const knownLocales = locales.map((code) => `"${code}"`).join(" or ");

export async function POST(request: Request, { params }: Context) {
  // A page on another site could post a form here with the visitor's browser; this API is for programs.
  if (isCrossSite(request.headers)) {
    return fail(403, { error: "Signatures cannot be sent from another website. Sign on this site's own page." });
  }
  const { collection, slug } = await params;
  const kind = kindOfCollection(collection);
  // Read in English first, to answer 404 or 409 before reading the body; again only for another language.
  const found = kind && (await getSignableDocument(kind, slug, "en"));
  if (!found) return fail(404, { error: "No such document." });
  if (found.status !== "open") return fail(409, { error: `This ${found.kind} is not open for signatures.` });

  const body = await readJsonBody(request);
  if (!body.ok) return fail(body.status, { error: body.error });
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
    return fail(400, { error: "The body must be a JSON object." });
  }
  // "locale" picks the language of the signer's emails and of the error messages; English by default.
  // "source" labels the channel, as a campaign link's ?source= does; "api" when the program sends none.
  const { locale = "en", source = API_SOURCE, ...fields } = body.value as Record<string, unknown>;
  if (!isLocale(locale))
    return fail(400, { error: `Unknown locale: use ${knownLocales}.`, fields: { locale: `Use ${knownLocales}.` } });
  const label = sourceLabel(source);
  if (!label) return fail(400, { error: "Some fields are not valid.", fields: { source: SOURCE_RULE } });
  const parsed = signatureInputSchema(locale).safeParse(fields);
  if (!parsed.success) return fail(400, { error: "Some fields are not valid.", fields: fieldErrors(parsed.error) });
  const document = locale === "en" ? found : ((await getSignableDocument(found.kind, found.slug, locale)) ?? found);
  if ((await signDocument(document, parsed.data, { locale, headers: request.headers, source: label })) === "not-open") {
    return fail(409, { error: translator(locale)("errors.notOpen") });
  }
  return Response.json({ status: "pending" }, { status: 202, headers: noStore });
}
