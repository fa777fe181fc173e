import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/ready/route";
import { markDraining } from "@/server/jobs/draining";

async function ready(get: () => Promise<Response> = GET) {
  const response = await get();
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: await response.json() };
}

afterEach(() => {
  vi.doUnmock("@/db/queries/health");
  vi.resetModules();
});

// In this order: once the process is draining it stays so.
describe("GET /api/ready", () => {
  it("answers 200 when the database answers, never cached", async () => {
    expect(await ready()).toEqual({ status: 200, cacheControl: "no-store", body: { ready: true } });
  });

  it("answers 503 when the database does not", async () => {
    vi.resetModules();
    vi.doMock("@/db/queries/health", () => ({ databaseAnswers: async () => false }));
    const route = await import("@/app/api/ready/route");
    expect(await ready(route.GET)).toEqual({
      status: 503,
      cacheControl: "no-store",
      body: { ready: false, reason: "database" },
    });
  });

  it("answers 503 as soon as the process is draining", async () => {
    markDraining();
    expect(await ready()).toEqual({
      status: 503,
      cacheControl: "no-store",
      body: { ready: false, reason: "draining" },
    });
  });
});
