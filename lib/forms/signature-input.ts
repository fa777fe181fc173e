import { z } from "zod";
import { displayChoices } from "@/lib/vocabulary";
import type { Locale } from "@/lib/i18n/locales";
import { isCountryCode } from "@/lib/i18n/countries";
import { isDisposableEmail } from "./disposable-email";
import { messagesByField } from "./form-fields";
import { translator, type Translator } from "@/lib/i18n/translator";

// C0/C1 control characters (the comment may hold line breaks); bidirectional overrides and isolates, which
// would make a public name read as other text; and lone surrogates, which UTF-8 storage would silently replace.
const CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_EXCEPT_NEWLINES =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type TextField = "name" | "email" | "country" | "city" | "comment" | "organisation" | "role";

function buildSchema(t: Translator) {
  const field = (key: TextField) => t(`errors.fields.${key}`);
  const text = (key: TextField) => z.string({ error: t("errors.notText", { field: field(key) }) });
  const optionalText = (key: TextField, max: number, forbidden: RegExp) =>
    text(key)
      .trim()
      .max(max, t("errors.tooLong", { field: field(key), max }))
      .refine((value) => !forbidden.test(value), t("errors.badCharacters", { field: field(key) }))
      .nullish()
      .transform((value) => (value ? value : null));

  return z.strictObject(
    {
      name: text("name")
        .trim()
        .normalize("NFC")
        .min(1, t("errors.nameRequired"))
        .max(120, t("errors.tooLong", { field: field("name"), max: 120 }))
        .refine((value) => !CONTROL.test(value), t("errors.badCharacters", { field: field("name") })),
      email: text("email")
        .trim()
        .max(254, t("errors.emailTooLong"))
        .pipe(z.email(t("errors.emailInvalid")))
        .refine((value) => !isDisposableEmail(value), t("errors.emailDisposable")),
      country: text("country").trim().toUpperCase().refine(isCountryCode, t("errors.country")),
      city: optionalText("city", 120, CONTROL),
      comment: optionalText("comment", 500, CONTROL_EXCEPT_NEWLINES),
      organisation: optionalText("organisation", 120, CONTROL),
      role: optionalText("role", 120, CONTROL),
      display: z.enum(displayChoices, t("errors.display")),
      updates: z.boolean(t("errors.updates")).default(false),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? t("errors.unknownFields", { count: issue.keys.length, keys: issue.keys.join(", ") })
          : undefined,
    },
  );
}

const schemas = new Map<Locale, ReturnType<typeof buildSchema>>();

/** The signature's fields, with every message in the signer's language. */
export function signatureInputSchema(locale: Locale = "en") {
  let schema = schemas.get(locale);
  if (!schema) schemas.set(locale, (schema = buildSchema(translator(locale))));
  return schema;
}

export type SignatureInput = z.infer<ReturnType<typeof buildSchema>>;
export type SignatureField = keyof SignatureInput;
export type FieldErrors = Partial<Record<SignatureField | "form", string>>;

/** The first message per field, ready to show beside it (or to return from the API). */
export const fieldErrors = (error: z.ZodError): FieldErrors => messagesByField<SignatureField>(error);

/** The signing form posts strings; the checkbox is present ("on") only when ticked. */
export function signatureInputFromForm(form: FormData): Record<string, unknown> {
  const value = (key: string) => {
    const entry = form.get(key);
    return typeof entry === "string" ? entry : undefined;
  };
  return {
    name: value("name") ?? "",
    email: value("email") ?? "",
    country: value("country") ?? "",
    city: value("city"),
    comment: value("comment"),
    organisation: value("organisation"),
    role: value("role"),
    display: value("display"),
    updates: form.get("updates") === "on",
  };
}
