import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { organisers } from "@/db/schema";
import { getOrganisation, saveOrganisation } from "./organisation";
import {
  changeOrganiserRole,
  findOrganiser,
  inviteOrganiser,
  listAcceptedOrganiserAddresses,
  listOrganisers,
  recordOrganiserSignIn,
  removeOrganiser,
} from "./organisers";

const NO_BOOTSTRAP_OWNERS = 0;

beforeEach(async () => {
  await getDb().delete(organisers);
});

describe("organisers and their roles", () => {
  it("keeps one row per address, whatever its case, and does not overwrite an invitation", async () => {
    const first = await inviteOrganiser({ email: " Ann@Example.org ", role: "moderator", invitedBy: "Boss@x.org" });
    expect(first.invited).toBe(true);
    const again = await inviteOrganiser({ email: "ann@example.org", role: "owner", invitedBy: "boss@x.org" });
    expect(again).toMatchObject({ invited: false, existing: { email: "ann@example.org", role: "moderator" } });
    expect(await findOrganiser("ANN@example.org")).toMatchObject({ role: "moderator", invitedBy: "boss@x.org" });
  });

  it("lists owners first, and an invitation counts as accepted once its address signs in", async () => {
    await inviteOrganiser({ email: "mod@x.org", role: "moderator", invitedBy: "boss@x.org" });
    await inviteOrganiser({ email: "org@x.org", role: "organiser", invitedBy: "boss@x.org" });
    await inviteOrganiser({ email: "own@x.org", role: "owner", invitedBy: "boss@x.org" });
    expect((await listOrganisers()).map((row) => row.role)).toEqual(["owner", "organiser", "moderator"]);
    expect((await findOrganiser("org@x.org"))?.lastSignInAt).toBeNull();
    expect(await listAcceptedOrganiserAddresses(["owner", "organiser"])).toEqual([]);

    await recordOrganiserSignIn("Org@X.org");
    expect((await findOrganiser("org@x.org"))?.lastSignInAt).toBeInstanceOf(Date);
    expect(await listAcceptedOrganiserAddresses(["owner", "organiser"])).toEqual(["org@x.org"]);
    await recordOrganiserSignIn("mod@x.org");
    expect(await listAcceptedOrganiserAddresses(["owner", "organiser"])).toEqual(["org@x.org"]);
  });

  it("changes a role and says what it was", async () => {
    await inviteOrganiser({ email: "org@x.org", role: "organiser", invitedBy: "boss@x.org" });
    expect(await changeOrganiserRole("org@x.org", "moderator", NO_BOOTSTRAP_OWNERS)).toEqual({
      ok: true,
      value: { from: "organiser" },
    });
    expect((await findOrganiser("org@x.org"))?.role).toBe("moderator");
    expect(await changeOrganiserRole("nobody@x.org", "owner", NO_BOOTSTRAP_OWNERS)).toEqual({
      ok: false,
      reason: "unknown",
    });
  });

  it("never demotes or removes the last owner, and loses nothing when it refuses", async () => {
    await inviteOrganiser({ email: "own@x.org", role: "owner", invitedBy: "boss@x.org" });
    await inviteOrganiser({ email: "org@x.org", role: "organiser", invitedBy: "own@x.org" });

    expect(await changeOrganiserRole("own@x.org", "organiser", NO_BOOTSTRAP_OWNERS)).toEqual({
      ok: false,
      reason: "last-owner",
    });
    expect(await removeOrganiser("own@x.org", NO_BOOTSTRAP_OWNERS)).toEqual({ ok: false, reason: "last-owner" });
    expect((await findOrganiser("own@x.org"))?.role).toBe("owner");
    // Staying an owner is no loss.
    expect((await changeOrganiserRole("own@x.org", "owner", NO_BOOTSTRAP_OWNERS)).ok).toBe(true);

    // With a second owner, either may go; and a bootstrap owner (ADMIN_EMAILS) counts as one.
    await changeOrganiserRole("org@x.org", "owner", NO_BOOTSTRAP_OWNERS);
    expect(await removeOrganiser("own@x.org", NO_BOOTSTRAP_OWNERS)).toEqual({ ok: true, value: { role: "owner" } });
    expect(await removeOrganiser("org@x.org", NO_BOOTSTRAP_OWNERS)).toEqual({ ok: false, reason: "last-owner" });
    expect(await removeOrganiser("org@x.org", 1)).toEqual({ ok: true, value: { role: "owner" } });
    expect(await listOrganisers()).toEqual([]);
  });

  it("lets two owners not demote each other at once", async () => {
    await inviteOrganiser({ email: "a@x.org", role: "owner", invitedBy: "boss@x.org" });
    await inviteOrganiser({ email: "b@x.org", role: "owner", invitedBy: "boss@x.org" });
    const results = await Promise.all([
      changeOrganiserRole("a@x.org", "moderator", NO_BOOTSTRAP_OWNERS),
      changeOrganiserRole("b@x.org", "moderator", NO_BOOTSTRAP_OWNERS),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await listOrganisers()).filter((row) => row.role === "owner")).toHaveLength(1);
  });
});

describe("the organisation's details", () => {
  it("are the campaign's defaults until saved, then what was saved", async () => {
    const defaults = await getOrganisation();
    expect(defaults.name).toBe("Moscow Trials Campaign Committee");
    expect(defaults.about.ru).toMatch(/Московские процессы|Московских процессов/);
    const saved = {
      name: "Friends of the Archive",
      contactEmail: "hello@friends.example",
      postalAddress: "1 Main St\nSpringfield",
      about: { en: "We read archives.", ru: "Мы читаем архивы." },
    };
    await saveOrganisation(saved);
    expect(await getOrganisation()).toEqual(saved);
  });
});
