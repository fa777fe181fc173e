import "server-only";
import { apiScopes, displayChoices, documentKinds, documentStatuses } from "@/lib/vocabulary";
import { locales } from "@/lib/i18n/locales";
import { MAX_PER_PAGE } from "./resources";

// The API under /api/v1 as OpenAPI 3.1, served at /api/v1/openapi.json. The tests validate it with an
// OpenAPI validator and every response they get against its schemas, so it cannot drift from the code.

const HAL = "application/hal+json";
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const hal = (schema: object, description: string) => ({ description, content: { [HAL]: { schema } } });
const error = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const link = {
  type: "object",
  required: ["href"],
  properties: { href: { type: "string" }, title: { type: "string" } },
};
const dateTime = { type: "string", format: "date-time" };

const refusals = {
  "401": error("No API key, or an unknown or revoked one."),
  "403": error("The key lacks the scope this needs."),
  "429": error("The key made more requests this minute than it may (see Retry-After)."),
};

function collection(relation: string, item: string) {
  return {
    type: "object",
    required: ["total_pages", "per_page", "page", "total_records", "_links", "_embedded"],
    properties: {
      total_pages: { type: "integer", minimum: 1 },
      per_page: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE },
      page: { type: "integer", minimum: 1 },
      total_records: { type: "integer", minimum: 0 },
      _links: {
        type: "object",
        required: ["self"],
        properties: { self: link, next: link, prev: link, curies: { type: "array" } },
      },
      _embedded: {
        type: "object",
        required: [relation],
        additionalProperties: false,
        properties: { [relation]: { type: "array", items: ref(item) } },
      },
    },
  };
}

const paging = [
  { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
  {
    name: "per_page",
    in: "query",
    required: false,
    schema: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE, default: 25 },
  },
];
const petitionId = {
  name: "id",
  in: "path",
  required: true,
  description: "The petition's identifier: its slug (the part after delegation: in identifiers).",
  schema: { type: "string" },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Delegation API",
    version: "1.0.0",
    description:
      "Petitions and their signatures in the shape of the Open Supporter Data Interface (OSDI), as HAL+JSON. " +
      `Every request but this document's needs an API key with a scope (${apiScopes.join(", ")}), sent as ` +
      "Authorization: Bearer dlg_… or in the OSDI-API-Token header.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearer: [] }, { osdiToken: [] }],
  paths: {
    "/": {
      get: {
        operationId: "getEntryPoint",
        summary: "The entry point: links to the collections (any valid key)",
        responses: { "200": hal(ref("EntryPoint"), "The entry point."), ...refusals },
      },
    },
    "/petitions": {
      get: {
        operationId: "listPetitions",
        summary: "Published petitions and open letters with their counts (counts:read)",
        parameters: paging,
        responses: {
          "200": hal(ref("PetitionCollection"), "One page of petitions."),
          "400": error("Invalid paging parameters."),
          ...refusals,
        },
      },
    },
    "/petitions/{id}": {
      get: {
        operationId: "getPetition",
        summary: "One petition (counts:read)",
        parameters: [petitionId],
        responses: {
          "200": hal(ref("Petition"), "The petition."),
          "404": error("No such petition (drafts are never shown)."),
          ...refusals,
        },
      },
    },
    "/petitions/{id}/signatures": {
      get: {
        operationId: "listSignatures",
        summary: "The petition's confirmed signatures, oldest first (signatures:read)",
        parameters: [petitionId, ...paging],
        responses: {
          "200": hal(ref("SignatureCollection"), "One page of confirmed signatures."),
          "400": error("Invalid paging parameters."),
          "404": error("No such petition."),
          ...refusals,
        },
      },
      post: {
        operationId: "recordSignature",
        summary: "Record a signature (signatures:write, or signatures:write-confirmed)",
        description:
          "With signatures:write the signer is emailed a confirmation link and counts once they follow it " +
          "(202, pending; the answer is the same whether or not the address had signed). With " +
          "signatures:write-confirmed the partner vouches that it confirmed the address: the signature counts " +
          "at once and is marked as confirmed by a partner (200, confirmed).",
        parameters: [petitionId],
        requestBody: { required: true, content: { "application/json": { schema: ref("RecordSignature") } } },
        responses: {
          "200": hal(ref("RecordOutcome"), "Confirmed by the partner: counted."),
          "202": hal(ref("RecordOutcome"), "Pending: the signer was emailed a confirmation link."),
          "400": error("Invalid fields (named in fields) or a body that is not a JSON object."),
          "404": error("No such petition."),
          "409": error("The petition is closed."),
          "413": error("A body over 16 KB."),
          "415": error("A body that is not JSON."),
          ...refusals,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "An API key: dlg_ and 43 characters." },
      osdiToken: { type: "apiKey", in: "header", name: "OSDI-API-Token" },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        additionalProperties: false,
        properties: {
          error: { type: "string" },
          fields: { type: "object", additionalProperties: { type: "string" } },
        },
      },
      EntryPoint: {
        type: "object",
        required: ["osdi_version", "_links"],
        properties: {
          motd: { type: "string" },
          vendor_name: { type: "string" },
          product_name: { type: "string" },
          osdi_version: { type: "string" },
          _links: {
            type: "object",
            required: ["self", "osdi:petitions"],
            properties: { self: link, "osdi:petitions": link, "delegation:openapi": link, curies: { type: "array" } },
          },
        },
      },
      Petition: {
        type: "object",
        required: ["identifiers", "title", "total_signatures", "created_date", "modified_date", "_links"],
        additionalProperties: false,
        properties: {
          identifiers: { type: "array", items: { type: "string" }, minItems: 1 },
          origin_system: { type: "string" },
          title: { type: "string" },
          description: { type: "string" },
          petition_text: { type: "string" },
          target: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
          total_signatures: { type: "integer", minimum: 0 },
          created_date: dateTime,
          modified_date: dateTime,
          "delegation:kind": { enum: [...documentKinds] },
          "delegation:status": { enum: documentStatuses.filter((status) => status !== "draft") },
          "delegation:goal": { type: "integer" },
          _links: {
            type: "object",
            required: ["self", "osdi:signatures", "osdi:record_signature_helper"],
            properties: { self: link, "osdi:signatures": link, "osdi:record_signature_helper": link },
          },
        },
      },
      PetitionCollection: collection("osdi:petitions", "Petition"),
      Person: {
        type: "object",
        required: ["given_name", "email_addresses", "postal_addresses"],
        additionalProperties: false,
        properties: {
          given_name: { type: "string" },
          family_name: { type: "string" },
          email_addresses: {
            type: "array",
            minItems: 1,
            items: {
              type: "object",
              required: ["address"],
              properties: { address: { type: "string" }, primary: { type: "boolean" } },
            },
          },
          postal_addresses: {
            type: "array",
            minItems: 1,
            items: {
              type: "object",
              required: ["country"],
              properties: { country: { type: "string", description: "ISO 3166-1 alpha-2" } },
            },
          },
        },
      },
      Signature: {
        type: "object",
        required: ["identifiers", "created_date", "modified_date", "person", "delegation:confirmed_by"],
        additionalProperties: false,
        properties: {
          identifiers: { type: "array", items: { type: "string" }, minItems: 1 },
          created_date: dateTime,
          modified_date: dateTime,
          "delegation:confirmed_date": { anyOf: [dateTime, { type: "null" }] },
          "delegation:confirmed_by": { enum: ["email", "partner"] },
          person: ref("Person"),
          _links: { type: "object", properties: { "osdi:petition": link } },
        },
      },
      SignatureCollection: collection("osdi:signatures", "Signature"),
      RecordSignature: {
        type: "object",
        required: ["person"],
        additionalProperties: false,
        properties: {
          person: ref("Person"),
          comments: { type: "string", maxLength: 500 },
          "delegation:display": {
            enum: [...displayChoices],
            default: "hidden",
            description: "How the signer's name may be shown publicly.",
          },
          "delegation:updates": { type: "boolean", default: false, description: "The signer asked for updates." },
          "delegation:locale": { enum: [...locales], default: "en", description: "The language of their emails." },
        },
      },
      RecordOutcome: {
        type: "object",
        required: ["delegation:status"],
        additionalProperties: false,
        properties: { "delegation:status": { enum: ["pending", "confirmed"] } },
      },
    },
  },
} as const;
