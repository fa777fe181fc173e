import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { documents, outbox } from "@/db/schema";
import { MILESTONE_TEMPLATE } from "@/db/queries/milestones";
import { getSetting } from "@/db/queries/settings";
import { composeEmail } from "@/emails/compose";
import { runCampaignJobs } from "./campaign-schedule";

describe("the campaigns' job", () => {
  it("closes what is due, emails the organisers a milestone once, and tells every instance's cache", async () => {
    const now = new Date();
    await getDb()
      .update(documents)
      .set({ closesAt: new Date(now.getTime() - 1000), signatureCount: 120 })
      .where(eq(documents.slug, "moscow-trials"));

    // Two instances whose leases overlapped (one lapsed mid-pass): still one close and one email per milestone.
    const [a, b] = await Promise.all([runCampaignJobs(now), runCampaignJobs(now)]);
    expect([...a.closed, ...b.closed]).toEqual(["moscow-trials"]);
    expect([...a.milestones, ...b.milestones]).toMatchObject([{ slug: "moscow-trials", threshold: 100 }]);
    const [petition] = await getDb().select().from(documents).where(eq(documents.slug, "moscow-trials"));
    expect(petition).toMatchObject({ status: "closed", closedAt: now });

    const emails = await getDb().select().from(outbox).where(eq(outbox.template, MILESTONE_TEMPLATE));
    expect(emails.map((email) => email.recipient)).toEqual(["admin@localhost"]); // ADMIN_EMAILS' default
    const email = await composeEmail(emails[0]);
    expect(email.subject).toBe(
      "“Annul the Moscow Trials verdicts and rehabilitate the defendants” reached 100 signatures",
    );
    expect(email.text).toContain("http://petitions.test/petitions/moscow-trials");
    expect(await getSetting<number>("public-pages-changed-at")).toBeGreaterThanOrEqual(now.getTime());

    expect(await runCampaignJobs(new Date(now.getTime() + 60_000))).toEqual({ closed: [], milestones: [] });
  });
});
