import { z } from "zod";
import { displayChoices } from "@/db/schema";
import { isCountryCode } from "./countries";
import { messagesByField } from "./form-fields";

// C0/C1 control characters (the comment may hold line breaks); bidirectional overrides and isolates, which
// would make a public name read as other text; and lone surrogates, which UTF-8 storage would silently replace.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_EXCEPT_NEWLINES =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const text = (label: string) => z.string({ error: `${label} must be text.` });

const optionalText = (label: string, max: number, forbidden: RegExp) =>
  text(label)
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((value) => !forbidden.test(value), `${label} contains characters that are not allowed.`)
    .nullish()
    .transform((value) => (value ? value : null));

export const signatureInputSchema = z.strictObject({
  name: text("Your name")
    .trim()
    .normalize("NFC")
    .min(1, "Please enter your name.")
    .max(120, "Your name must be at most 120 characters.")
    .refine((value) => !CONTROL.test(value), "Your name contains characters that are not allowed."),
  email: text("Your email address")
    .trim()
    .max(254, "An email address is at most 254 characters.")
    .pipe(z.email("Please enter a valid email address, like name@example.org.")),
  country: text("Country")
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "Please choose your country from the list."),
  city: optionalText("City", 120, CONTROL),
  comment: optionalText("Your comment", 500, CONTROL_EXCEPT_NEWLINES),
  display: z.enum(displayChoices, "Please choose how your name is shown."),
  updates: z.boolean("Updates must be true or false.").default(false),
}, {
  error: (issue) =>
    issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.` : undefined,
});

export type SignatureInput = z.infer<typeof signatureInputSchema>;
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
    display: value("display"),
    updates: form.get("updates") === "on",
  };
}
