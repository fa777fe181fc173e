import { z } from "zod";
import { signatureStates } from "@/db/schema";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-27.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "That date does not exist.");

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The admin's filters for listing, exporting and invalidating signatures, from a query string. */
export const signatureFilterSchema = z.object({
  q: z.preprocess(blankAsUndefined, z.string().trim().max(200, "Search for at most 200 characters.").optional()),
  document: z.preprocess(blankAsUndefined, z.string().max(100).regex(/^[a-z0-9-]+$/, "Unknown document.").optional()),
  state: z.preprocess(blankAsUndefined, z.enum(signatureStates, "Unknown state.").optional()),
  from: z.preprocess(blankAsUndefined, isoDate.optional()),
  to: z.preprocess(blankAsUndefined, isoDate.optional()),
});

export type SignatureFilter = z.infer<typeof signatureFilterSchema>;

export type ParsedFilter =
  | { ok: true; filter: SignatureFilter }
  | { ok: false; errors: Partial<Record<keyof SignatureFilter, string>> };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseSignatureFilter(params: Params): ParsedFilter {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  const parsed = signatureFilterSchema.safeParse(Object.fromEntries(["q", "document", "state", "from", "to"].map((key) => [key, get(key)])));
  if (parsed.success) return { ok: true, filter: parsed.data };
  const errors: Partial<Record<keyof SignatureFilter, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as keyof SignatureFilter] ??= issue.message;
  return { ok: false, errors };
}

/** The filter as a query string, for links (pagination, export) that keep it. */
export function filterQuery(filter: SignatureFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Words for an export's file name and audit entry: "moscow-trials-confirmed". */
export function describeFilter(filter: SignatureFilter): string {
  return [filter.document ?? "all-documents", filter.state ?? "all-states"].join("-");
}
