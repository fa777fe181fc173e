import "server-only";
import type { LocalizedDocument } from "@/db/queries/documents";
import { getConfig } from "@/lib/config";

// The OSDI shapes (https://opensupporter.github.io/osdi-docs/): petitions and their signatures as HAL
// resources, with our own fields under the "delegation:" prefix, as OSDI asks of extensions.

const API_PATH = "/api/v1";
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;

const apiUrl = (path = "") => `${getConfig().appUrl}${API_PATH}${path}`;

const curies = [{ name: "osdi", href: "https://opensupporter.github.io/osdi-docs/{rel}", templated: true }];

export function entryPoint() {
  return {
    motd: "Delegation's API in the OSDI shape: petitions, their signatures, and a record-signature helper.",
    vendor_name: "Delegation",
    product_name: "Delegation",
    osdi_version: "1.1",
    _links: {
      curies,
      self: { href: apiUrl() },
      "osdi:petitions": { href: apiUrl("/petitions"), title: "The petitions and open letters" },
      "delegation:openapi": { href: apiUrl("/openapi.json"), title: "This API's OpenAPI document" },
    },
  };
}

export function petitionResource(document: LocalizedDocument) {
  const self = apiUrl(`/petitions/${document.slug}`);
  return {
    identifiers: [`delegation:${document.slug}`],
    origin_system: "Delegation",
    title: document.title,
    description: document.summary,
    petition_text: document.body,
    target: [{ name: document.addressee }],
    total_signatures: document.signatureCount,
    created_date: document.createdAt.toISOString(),
    modified_date: document.updatedAt.toISOString(),
    "delegation:kind": document.kind,
    "delegation:status": document.status,
    "delegation:goal": document.goal,
    _links: {
      self: { href: self },
      "osdi:signatures": { href: `${self}/signatures` },
      "osdi:record_signature_helper": { href: `${self}/signatures` },
    },
  };
}

export type SignatureRow = {
  id: number;
  name: string;
  email: string;
  country: string;
  createdAt: Date;
  confirmedAt: Date | null;
  confirmedBy: string | null;
};

/** OSDI splits a name in two; ours is one field: the last word is taken as the family name. */
function splitName(name: string): { given_name: string; family_name?: string } {
  const words = name.trim().split(/\s+/);
  return words.length > 1
    ? { given_name: words.slice(0, -1).join(" "), family_name: words.at(-1)! }
    : { given_name: name };
}

export function signatureResource(row: SignatureRow, slug: string) {
  return {
    identifiers: [`delegation:signature-${row.id}`],
    created_date: row.createdAt.toISOString(),
    modified_date: (row.confirmedAt ?? row.createdAt).toISOString(),
    "delegation:confirmed_date": row.confirmedAt?.toISOString() ?? null,
    "delegation:confirmed_by": row.confirmedBy ?? "email",
    person: {
      ...splitName(row.name),
      email_addresses: [{ address: row.email, primary: true }],
      postal_addresses: [{ country: row.country }],
    },
    _links: { "osdi:petition": { href: apiUrl(`/petitions/${slug}`) } },
  };
}

/** The paging fields of an OSDI collection, with next and previous links when there are such pages. */
export function collectionPage<T>(
  relation: string,
  path: string,
  items: T[],
  page: { page: number; perPage: number; total: number },
) {
  const totalPages = Math.max(1, Math.ceil(page.total / page.perPage));
  const link = (n: number) => ({ href: apiUrl(`${path}?page=${n}&per_page=${page.perPage}`) });
  return {
    total_pages: totalPages,
    per_page: page.perPage,
    page: page.page,
    total_records: page.total,
    _links: {
      curies,
      self: link(page.page),
      ...(page.page < totalPages ? { next: link(page.page + 1) } : {}),
      ...(page.page > 1 ? { prev: link(page.page - 1) } : {}),
    },
    _embedded: { [relation]: items },
  };
}
