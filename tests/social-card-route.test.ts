import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/og/[collection]/[slug]/route";
import { getDb } from "@/db";
import { documents } from "@/db/schema";
import { CARD_REFRESH_MS } from "@/server/social-card/cache";

async function card(path: string) {
  const url = new URL(path, "http://petitions.test");
  const [, , collection, slug] = url.pathname.split("/");
  const response = await GET(new Request(url), { params: Promise.resolve({ collection, slug }) });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function setDocument(slug: string, values: Partial<typeof documents.$inferInsert>) {
  await getDb().update(documents).set(values).where(eq(documents.slug, slug));
}

describe("GET /og/{collection}/{slug}", () => {
  it("serves each seeded page's card as a cacheable PNG", async () => {
    for (const path of ["/og/petitions/moscow-trials", "/og/letters/family-letter", "/og/delegations/moscow-1989"]) {
      const response = await card(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("cache-control")).toBe("public, max-age=60");
      expect(response.body.toString("latin1", 1, 4)).toBe("PNG");
    }
  });

  it("draws the card in Russian on ?lang=ru and refuses other languages", async () => {
    const [english, russian] = await Promise.all([
      card("/og/petitions/moscow-trials"),
      card("/og/petitions/moscow-trials?lang=ru"),
    ]);
    expect(russian.status).toBe(200);
    expect(russian.body.equals(english.body)).toBe(false);
    expect((await card("/og/petitions/moscow-trials?lang=fr")).status).toBe(400);
  });

  it("answers 404 for what the public cannot see", async () => {
    for (const path of [
      "/og/petitions/no-such-thing",
      "/og/letters/moscow-trials",
      "/og/delegations/no-such-trip",
      "/og/drafts/moscow-trials",
    ]) {
      expect((await card(path)).status, path).toBe(404);
    }
    await setDocument("family-letter", { status: "draft" });
    try {
      expect((await card("/og/letters/family-letter")).status).toBe(404);
    } finally {
      await setDocument("family-letter", { status: "open" });
    }
  });

  it("shows the count as it is now, drawn again at most every few seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const [{ signatureCount: seeded }] = await getDb()
        .select()
        .from(documents)
        .where(eq(documents.slug, "moscow-trials"));
      const pages = ["/og/petitions/moscow-trials", "/og/delegations/moscow-1989"];
      await setDocument("moscow-trials", { signatureCount: seeded + 1 });
      vi.advanceTimersByTime(CARD_REFRESH_MS); // so this is drawn anew, now
      const before = await Promise.all(pages.map(card));
      await setDocument("moscow-trials", { signatureCount: seeded + 4321 });
      const soon = await Promise.all(pages.map(card));
      expect(soon.map((response, index) => response.body.equals(before[index].body))).toEqual([true, true]);

      vi.advanceTimersByTime(CARD_REFRESH_MS);
      const later = await Promise.all(pages.map(card));
      expect(later.map((response, index) => response.body.equals(before[index].body))).toEqual([false, false]);

      await setDocument("moscow-trials", { signatureCount: seeded + 1 });
      vi.advanceTimersByTime(CARD_REFRESH_MS);
      expect((await card(pages[0])).body.equals(before[0].body)).toBe(true);
      await setDocument("moscow-trials", { signatureCount: seeded });
    } finally {
      vi.useRealTimers();
    }
  });
});
