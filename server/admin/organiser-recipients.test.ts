import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { inviteOrganiser, recordOrganiserSignIn } from "@/db/queries/organisers";
import { organisers } from "@/db/schema";
import { organiserRecipients } from "./organiser-recipients";

// Read once, on first use: set before any test runs.
process.env.ADMIN_EMAILS = "Boss@Example.org, admin@localhost";

beforeEach(async () => {
  await getDb().delete(organisers);
});

describe("the organisers' addresses to notify", () => {
  it("are the bootstrap owners and the owners and organisers who accepted, each once; never moderators", async () => {
    for (const [email, role] of [
      ["owner@x.org", "owner"],
      ["organiser@x.org", "organiser"],
      ["moderator@x.org", "moderator"],
      ["pending@x.org", "organiser"],
      ["boss@example.org", "owner"],
    ] as const) {
      await inviteOrganiser({ email, role, invitedBy: "admin@localhost" });
      if (email !== "pending@x.org") await recordOrganiserSignIn(email);
    }
    expect(await organiserRecipients()).toEqual([
      "admin@localhost",
      "boss@example.org",
      "organiser@x.org",
      "owner@x.org",
    ]);
  });
});
