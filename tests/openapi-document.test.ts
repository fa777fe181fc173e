import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { expectDocumentedResponse } from "@/tests/openapi-responses";
import { GET } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "@/server/partner-api/openapi";

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(openApiDocument) as unknown as Parameters<Validator["validate"]>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is served at /api/v1/openapi.json, without a key", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it("catches a response that strays from it (the check the API's tests rely on)", async () => {
    const stray = Response.json({ error: "x", extra: true }, { status: 404 });
    await expect(expectDocumentedResponse(stray, "get", "/petitions/{id}")).rejects.toThrow();
    const undocumented = Response.json({ error: "x" }, { status: 418 });
    await expect(expectDocumentedResponse(undocumented, "get", "/petitions/{id}")).rejects.toThrow();
    const wrongType = new Response(JSON.stringify({ error: "x" }), {
      status: 404,
      headers: { "content-type": "application/hal+json" },
    });
    await expect(expectDocumentedResponse(wrongType, "get", "/petitions/{id}")).rejects.toThrow();
  });
});
