import "server-only";
import { z } from "zod";
import type { SignatureFilter } from "@/db/queries/signature-search";
import { signatureStates } from "@/lib/vocabulary";
import { documentSlug, isoDate, messagesByField, optional } from "@/lib/forms/form-fields";

/** The admin's filters for listing, exporting and invalidating signatures, from a query string. */
const signatureFilterSchema = z.object({
  q: optional(z.string().trim().max(200, "Search for at most 200 characters.")),
  document: optional(documentSlug),
  state: optional(z.enum(signatureStates, "Unknown state.")),
  from: optional(isoDate),
  to: optional(isoDate),
}) satisfies z.ZodType<SignatureFilter>;

export type ParsedFilter =
  | { ok: true; filter: SignatureFilter }
  | { ok: false; errors: Partial<Record<keyof SignatureFilter | "form", string>> };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseSignatureFilter(params: Params): ParsedFilter {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  const parsed = signatureFilterSchema.safeParse(
    Object.fromEntries(["q", "document", "state", "from", "to"].map((key) => [key, get(key)])),
  );
  return parsed.success ? { ok: true, filter: parsed.data } : { ok: false, errors: messagesByField(parsed.error) };
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
