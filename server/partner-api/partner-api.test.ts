import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listAuditEntries } from "@/db/queries/audit";
import { revokeApiKey } from "@/db/queries/api-keys";
import { apiKeys, documents, outbox, signatures } from "@/db/schema";
import type { ApiScope } from "@/lib/vocabulary";
import { expectDocumentedResponse } from "@/tests/openapi-responses";
import { getEntryPoint, getPetition, getPetitions, getSignatures, postSignature } from "./handlers";
import { createApiKey } from "./keys";

const BASE = "http://petitions.test/api/v1";

async function keyWith(scopes: ApiScope[], requestsPerMinute = 1000) {
  const { key } = await createApiKey({ name: `key ${scopes.join(" ")}`, scopes, requestsPerMinute, createdBy: "o@x" });
  return key;
}

function get(path: string, key?: string, header = "authorization") {
  const headers = new Headers();
  if (key) headers.set(header, header === "authorization" ? `Bearer ${key}` : key);
  return new Request(`${BASE}${path}`, { headers });
}

function post(path: string, key: string, body: unknown) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const person = (email: string) => ({
  person: {
    given_name: "Вера",
    family_name: "Иванова",
    email_addresses: [{ address: email, primary: true }],
    postal_addresses: [{ country: "RU" }],
  },
});

async function countOf(slug: string) {
  const [row] = await getDb().select().from(documents).where(eq(documents.slug, slug));
  return row.signatureCount;
}

const keys: Record<string, string> = {};

beforeAll(async () => {
  keys.counts = await keyWith(["counts:read"]);
  keys.read = await keyWith(["signatures:read"]);
  keys.write = await keyWith(["signatures:write"]);
  keys.confirmed = await keyWith(["signatures:write-confirmed"]);
});

describe("API keys", () => {
  it("are shown once as dlg_…, and stored only as a hash with a short prefix", async () => {
    const { key, record } = await createApiKey({
      name: "CRM",
      scopes: ["counts:read"],
      requestsPerMinute: 5,
      createdBy: "o@x",
    });
    expect(key).toMatch(/^dlg_[A-Za-z0-9_-]{43}$/);
    const [stored] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, record.id));
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(key.startsWith(stored.prefix)).toBe(true);
    expect(stored.prefix.length).toBe(12);
  });

  it("are refused without a key, with a malformed or unknown one, and once revoked (401)", async () => {
    for (const request of [
      get("/petitions"),
      get("/petitions", "dlg_nope"),
      get("/petitions", `dlg_${"a".repeat(43)}`),
    ]) {
      const response = await getPetitions(request);
      expect(response.status).toBe(401);
      await expectDocumentedResponse(response, "get", "/petitions");
    }
    const { key, record } = await createApiKey({
      name: "gone",
      scopes: ["counts:read"],
      requestsPerMinute: 5,
      createdBy: "o@x",
    });
    expect((await getPetitions(get("/petitions", key))).status).toBe(200);
    expect(await revokeApiKey(record.id)).toBe("gone");
    const refused = await getPetitions(get("/petitions", key));
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatch(/revoked/);
  });

  it("accept OSDI's OSDI-API-Token header as well as Authorization: Bearer", async () => {
    expect((await getPetitions(get("/petitions", keys.counts, "osdi-api-token"))).status).toBe(200);
  });

  it("refuse each scope's requests to a key without it (403)", async () => {
    const cases: [string, () => Promise<Response>, "get" | "post", string][] = [];
    for (const [name, key] of Object.entries(keys)) {
      if (name !== "counts") {
        cases.push([name, () => getPetitions(get("/petitions", key)), "get", "/petitions"]);
        cases.push([
          name,
          () => getPetition(get("/petitions/moscow-trials", key), "moscow-trials"),
          "get",
          "/petitions/{id}",
        ]);
      }
      if (name !== "read") {
        cases.push([
          name,
          () => getSignatures(get("/petitions/moscow-trials/signatures", key), "moscow-trials"),
          "get",
          "/petitions/{id}/signatures",
        ]);
      }
      if (name !== "write" && name !== "confirmed") {
        cases.push([
          name,
          () =>
            postSignature(post("/petitions/moscow-trials/signatures", key, person("x@example.org")), "moscow-trials"),
          "post",
          "/petitions/{id}/signatures",
        ]);
      }
    }
    expect(cases).toHaveLength(3 * 2 + 3 + 2);
    for (const [name, call, method, path] of cases) {
      const response = await call();
      expect(response.status, `${name} on ${method} ${path}`).toBe(403);
      await expectDocumentedResponse(response, method, path);
    }
  });

  it("limit each key to its own requests per minute (429 with Retry-After), shared through the database", async () => {
    const key = await keyWith(["counts:read"], 3);
    for (let i = 0; i < 3; i += 1) expect((await getPetitions(get("/petitions", key))).status).toBe(200);
    const limited = await getPetitions(get("/petitions", key));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectDocumentedResponse(limited, "get", "/petitions");
    // Another key is not affected.
    expect((await getPetitions(get("/petitions", keys.counts))).status).toBe(200);
  });

  it("note when a key was last used, at most once a minute", async () => {
    const { key, record } = await createApiKey({
      name: "used",
      scopes: ["counts:read"],
      requestsPerMinute: 50,
      createdBy: "o@x",
    });
    expect(record.lastUsedAt).toBeNull();
    await getPetitions(get("/petitions", key));
    const [first] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, record.id));
    expect(first.lastUsedAt).toBeInstanceOf(Date);
    await getPetitions(get("/petitions", key));
    const [second] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, record.id));
    expect(second.lastUsedAt).toEqual(first.lastUsedAt);
  });
});

describe("the OSDI-shaped API", () => {
  it("has an entry point linking to the petitions", async () => {
    const body = await expectDocumentedResponse(await getEntryPoint(get("", keys.counts)), "get", "/");
    expect(body._links["osdi:petitions"].href).toBe(`${BASE}/petitions`);
  });

  it("lists published petitions in pages, with next links, never drafts", async () => {
    const page1 = await expectDocumentedResponse(
      await getPetitions(get("/petitions?per_page=1", keys.counts)),
      "get",
      "/petitions",
    );
    expect(page1.per_page).toBe(1);
    expect(page1.page).toBe(1);
    expect(page1.total_pages).toBe(page1.total_records);
    expect(page1._embedded["osdi:petitions"]).toHaveLength(1);
    expect(page1._links.next.href).toBe(`${BASE}/petitions?page=2&per_page=1`);
    const all = await expectDocumentedResponse(await getPetitions(get("/petitions", keys.counts)), "get", "/petitions");
    const ids = all._embedded["osdi:petitions"].map((petition: { identifiers: string[] }) => petition.identifiers[0]);
    expect(ids).toContain("delegation:moscow-trials");
    expect(all._links.next).toBeUndefined();
  });

  it("answers one petition, and 404 for an unknown one", async () => {
    const body = await expectDocumentedResponse(
      await getPetition(get("/petitions/moscow-trials", keys.counts), "moscow-trials"),
      "get",
      "/petitions/{id}",
    );
    expect(body.total_signatures).toBe(await countOf("moscow-trials"));
    const missing = await getPetition(get("/petitions/nope", keys.counts), "nope");
    expect(missing.status).toBe(404);
    await expectDocumentedResponse(missing, "get", "/petitions/{id}");
  });

  it("refuses bad paging with a clear 400", async () => {
    const response = await getPetitions(get("/petitions?per_page=1000&page=0", keys.counts));
    const body = await expectDocumentedResponse(response, "get", "/petitions");
    expect(response.status).toBe(400);
    expect(Object.keys(body.fields).sort()).toEqual(["page", "per_page"]);
  });

  it("records a signature by email confirmation with signatures:write: pending, emailed, not counted", async () => {
    const before = await countOf("moscow-trials");
    const response = await postSignature(
      post("/petitions/moscow-trials/signatures", keys.write, person("pending@example.org")),
      "moscow-trials",
    );
    expect(response.status).toBe(202);
    expect(await expectDocumentedResponse(response, "post", "/petitions/{id}/signatures")).toEqual({
      "delegation:status": "pending",
    });
    const [row] = await getDb().select().from(signatures).where(eq(signatures.email, "pending@example.org"));
    expect(row).toMatchObject({ state: "pending", name: "Вера Иванова", display: "hidden", ipHash: null });
    expect(row.source).toBe(`api:${keys.write.slice(0, 12)}`); // the key's prefix, as the admin lists it
    const emails = await getDb().select().from(outbox).where(eq(outbox.recipient, "pending@example.org"));
    expect(emails.map((email) => email.template)).toEqual(["confirm-signature"]);
    expect(await countOf("moscow-trials")).toBe(before);
  });

  it("records a partner-confirmed signature with signatures:write-confirmed: counted at once, no email", async () => {
    const before = await countOf("moscow-trials");
    const call = () =>
      postSignature(
        post("/petitions/moscow-trials/signatures", keys.confirmed, person("partner@example.org")),
        "moscow-trials",
      );
    const response = await call();
    expect(response.status).toBe(200);
    expect(await expectDocumentedResponse(response, "post", "/petitions/{id}/signatures")).toEqual({
      "delegation:status": "confirmed",
    });
    expect((await call()).status).toBe(200); // again: nothing more is counted
    const [row] = await getDb().select().from(signatures).where(eq(signatures.email, "partner@example.org"));
    expect(row).toMatchObject({
      state: "confirmed",
      confirmedBy: "partner",
      source: `api:${keys.confirmed.slice(0, 12)}`,
    });
    expect(await getDb().select().from(outbox).where(eq(outbox.recipient, "partner@example.org"))).toEqual([]);
    expect(await countOf("moscow-trials")).toBe(before + 1);
  });

  it("lists confirmed signatures with OSDI person fields only, and audits the read", async () => {
    const response = await getSignatures(get("/petitions/moscow-trials/signatures", keys.read), "moscow-trials");
    const body = await expectDocumentedResponse(response, "get", "/petitions/{id}/signatures");
    const listed = body._embedded["osdi:signatures"];
    expect(
      listed.map((s: { person: { email_addresses: { address: string }[] } }) => s.person.email_addresses[0].address),
    ).toEqual(["partner@example.org"]);
    expect(listed[0].person).toEqual({
      given_name: "Вера",
      family_name: "Иванова",
      email_addresses: [{ address: "partner@example.org", primary: true }],
      postal_addresses: [{ country: "RU" }],
    });
    expect(listed[0]["delegation:confirmed_by"]).toBe("partner");
    const [audit] = await listAuditEntries({ action: "api.signatures-read" });
    expect(audit).toMatchObject({ targetType: "document", targetId: "moscow-trials" });
    expect(audit.actor).toMatch(/^api-key:dlg_/);
  });

  it("refuses invalid signatures with the OSDI field named, and records nothing", async () => {
    const rows = async () => (await getDb().select().from(signatures)).length;
    const before = await rows();
    const bad = await postSignature(
      post("/petitions/moscow-trials/signatures", keys.write, {
        person: { ...person("not-an-address").person, postal_addresses: [{ country: "XX" }] },
      }),
      "moscow-trials",
    );
    expect(bad.status).toBe(400);
    const body = await expectDocumentedResponse(bad, "post", "/petitions/{id}/signatures");
    expect(Object.keys(body.fields).sort()).toEqual(["person.email_addresses", "person.postal_addresses"]);
    const unknown = await postSignature(
      post("/petitions/moscow-trials/signatures", keys.write, { ...person("a@example.org"), tags: ["x"] }),
      "moscow-trials",
    );
    expect(unknown.status).toBe(400);
    await expectDocumentedResponse(unknown, "post", "/petitions/{id}/signatures");
    expect(await rows()).toBe(before);
  });

  it("refuses signatures on a closed petition (409)", async () => {
    await getDb().update(documents).set({ status: "closed" }).where(eq(documents.slug, "family-letter"));
    const response = await postSignature(
      post("/petitions/family-letter/signatures", keys.write, person("late@example.org")),
      "family-letter",
    );
    expect(response.status).toBe(409);
    await expectDocumentedResponse(response, "post", "/petitions/{id}/signatures");
  });
});
