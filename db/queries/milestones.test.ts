import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { documentMilestones, documents, outbox } from "@/db/schema";
import { listReachedMilestones, MILESTONE_TEMPLATE, recordReachedMilestones } from "./milestones";

const ORGANISERS = ["one@example.org", "two@example.org"];

async function setCount(slug: string, signatureCount: number, goal = 10_000) {
  await getDb().update(documents).set({ signatureCount, goal }).where(eq(documents.slug, slug));
}

async function milestoneEmails() {
  const rows = await getDb().select().from(outbox).where(eq(outbox.template, MILESTONE_TEMPLATE));
  return rows.map((row) => [row.recipient, (row.payload as { threshold: number }).threshold] as const);
}

const petitionId = async () =>
  (await getDb().select().from(documents).where(eq(documents.slug, "moscow-trials")))[0].id;

beforeEach(async () => {
  await getDb().delete(outbox);
  await getDb().delete(documentMilestones);
  await setCount("moscow-trials", 0);
  await setCount("family-letter", 0, 500);
});

describe("milestones", () => {
  it("emails every organiser once per milestone, as the count passes 100, 1,000, half the goal and the goal", async () => {
    await setCount("moscow-trials", 99);
    expect(await recordReachedMilestones(ORGANISERS)).toEqual([]);

    await setCount("moscow-trials", 100);
    expect(await recordReachedMilestones(ORGANISERS)).toMatchObject([{ slug: "moscow-trials", threshold: 100 }]);
    expect(await recordReachedMilestones(ORGANISERS)).toEqual([]); // nothing new: nothing sent again
    expect(await milestoneEmails()).toEqual([
      ["one@example.org", 100],
      ["two@example.org", 100],
    ]);

    await setCount("moscow-trials", 5_000);
    await recordReachedMilestones(ORGANISERS);
    await setCount("moscow-trials", 10_200);
    await recordReachedMilestones(ORGANISERS);
    expect((await milestoneEmails()).filter(([to]) => to === "one@example.org").map(([, at]) => at)).toEqual([
      100, 5_000, 10_000,
    ]);
    // 1,000 was passed in the same step as half the goal: recorded and shown, but one email for the highest.
    expect((await listReachedMilestones(await petitionId())).map((row) => row.threshold)).toEqual([
      100, 1_000, 5_000, 10_000,
    ]);
  });

  it("sends exactly one email per milestone and organiser when two instances check at the same time", async () => {
    await setCount("moscow-trials", 250);
    await setCount("family-letter", 250, 500);
    const results = await Promise.all([recordReachedMilestones(ORGANISERS), recordReachedMilestones(ORGANISERS)]);
    expect(
      results
        .flat()
        .map((row) => `${row.slug}:${row.threshold}`)
        .sort(),
    ).toEqual(["family-letter:100", "family-letter:250", "moscow-trials:100"]);
    // The letter passed 100 and half its goal at once: one email, for 250.
    expect((await milestoneEmails()).map(([to, at]) => `${to}:${at}`).sort()).toEqual([
      "one@example.org:100",
      "one@example.org:250",
      "two@example.org:100",
      "two@example.org:250",
    ]);
  });

  it("ignores drafts", async () => {
    await getDb().update(documents).set({ status: "draft" }).where(eq(documents.slug, "family-letter"));
    await setCount("family-letter", 400, 500);
    expect(await recordReachedMilestones(ORGANISERS)).toEqual([]);
    await getDb().update(documents).set({ status: "open" }).where(eq(documents.slug, "family-letter"));
  });
});
