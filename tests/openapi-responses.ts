import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "@/server/partner-api/openapi";

// Checks a response of the API against the OpenAPI document: its status must be documented for the path and
// method, its content type must be the documented one, and its body must match the documented schema.

const ID = "https://delegation.test/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: ID, components: openApiDocument.components });

type Operation = { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> };

/** `path` as the document writes it ("/petitions/{id}"); returns the parsed body for further checks. */
export async function expectDocumentedResponse(response: Response, method: "get" | "post", path: string) {
  const operation = (openApiDocument.paths as unknown as Record<string, Record<string, Operation>>)[path]?.[method];
  expect(operation, `${method.toUpperCase()} ${path} is not in the OpenAPI document`).toBeDefined();
  const documented = operation.responses[String(response.status)];
  expect(documented, `${response.status} is not documented for ${method.toUpperCase()} ${path}`).toBeDefined();
  const [[contentType, { schema }]] = Object.entries(documented.content!);
  expect(response.headers.get("content-type")?.split(";")[0]).toBe(contentType);
  const body = await response.json();
  const validate = ajv.getSchema(`${ID}${schema.$ref}`)!;
  expect(validate, `no schema for ${schema.$ref}`).toBeDefined();
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${method.toUpperCase()} ${path} ${response.status}`).toEqual([]);
  return body;
}
