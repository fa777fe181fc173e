import { describe, expect, it } from "vitest";
import { listAllDocuments } from "./documents";
import { createDispatch, deleteDispatch, getDispatch, listDispatches, updateDispatch } from "./delegation-dispatches";
import { addMember, listMembers, moveMember, removeMember, updateMember } from "./delegation-members";
import { createUpdate, deleteDraftUpdate } from "./updates";
import {
  createDelegation,
  delegationFootprint,
  deleteDelegation,
  getDelegationBySlug,
  listCarriedDocumentIds,
  listCarriedDocuments,
  listDelegations,
  setCarriedDocuments,
} from "./delegations";

const story = (title: string) => ({ en: { title, summary: `${title}, in short.`, body: `${title}, in full.` } });
const member = (name: string) => ({ name, texts: { en: { role: "Traveller", bio: `${name} travels.` } } });

async function freshDelegation(slug: string) {
  const delegation = await createDelegation(slug, story(`Delegation ${slug}`));
  if (!delegation) throw new Error("the slug was taken");
  return delegation;
}

describe("delegations", () => {
  it("creates a delegation beside the seeded one, and refuses a second one at the same address", async () => {
    const created = await freshDelegation("leningrad-1990");
    expect(created.texts.en.title).toBe("Delegation leningrad-1990");
    expect(await createDelegation("leningrad-1990", story("Another"))).toBeNull();
    expect((await listDelegations()).map((delegation) => delegation.slug)).toEqual(["moscow-1989", "leningrad-1990"]);
    expect((await getDelegationBySlug("leningrad-1990"))?.id).toBe(created.id);
  });

  it("moves members up and down, and a move past either end changes nothing", async () => {
    const delegation = await freshDelegation("order-test");
    for (const name of ["Anna", "Boris", "Clara"]) await addMember(delegation.id, member(name));
    const names = async () => (await listMembers(delegation.id)).map((row) => row.name);
    const idOf = async (name: string) => (await listMembers(delegation.id)).find((row) => row.name === name)!.id;

    expect(await moveMember(delegation.id, await idOf("Clara"), "up")).toBe(true);
    expect(await names()).toEqual(["Anna", "Clara", "Boris"]);
    await moveMember(delegation.id, await idOf("Anna"), "down");
    expect(await names()).toEqual(["Clara", "Anna", "Boris"]);
    await moveMember(delegation.id, await idOf("Clara"), "up");
    await moveMember(delegation.id, await idOf("Boris"), "down");
    expect(await names()).toEqual(["Clara", "Anna", "Boris"]);

    // A removed member leaves a gap in the positions; moves still take one step.
    await removeMember(delegation.id, await idOf("Anna"));
    await moveMember(delegation.id, await idOf("Boris"), "up");
    expect(await names()).toEqual(["Boris", "Clara"]);
  });

  it("does not move a member of another delegation, nor an unknown one", async () => {
    const seeded = (await getDelegationBySlug("moscow-1989"))!;
    const other = await freshDelegation("other-members");
    const stranger = await addMember(other.id, member("Dmitri"));
    const before = (await listMembers(seeded.id)).map((row) => row.id);
    expect(await moveMember(seeded.id, stranger.id, "up")).toBe(false);
    expect(await moveMember(seeded.id, 987654, "down")).toBe(false);
    expect((await listMembers(seeded.id)).map((row) => row.id)).toEqual(before);
  });

  it("edits and removes a dispatch of its own delegation only", async () => {
    const seeded = (await getDelegationBySlug("moscow-1989"))!;
    const other = await freshDelegation("dispatch-test");
    const dispatch = await createDispatch(
      other,
      { dated: "1990-05-01", texts: { en: { title: "Arrived", body: "We arrived." } } },
      "organiser@example.org",
    );
    const edit = {
      dated: "1990-05-02",
      texts: {
        en: { title: "Arrived at last", body: "We arrived a day late." },
        ru: { title: "Прибыли", body: "Мы прибыли на день позже." },
      },
    };
    expect(await updateDispatch(seeded.id, dispatch.id, edit)).toBe(0);
    expect((await getDispatch(other.id, dispatch.id))?.texts.en.title).toBe("Arrived");
    expect(await updateDispatch(other.id, dispatch.id, edit)).toBe(1);
    expect(await getDispatch(other.id, dispatch.id)).toMatchObject({
      dated: "1990-05-02",
      texts: edit.texts,
      author: "organiser@example.org",
    });

    expect(await deleteDispatch(seeded.id, dispatch.id)).toBe(0);
    expect(await deleteDispatch(other.id, dispatch.id)).toBe(1);
    expect(await deleteDispatch(other.id, dispatch.id)).toBe(0);
    expect(await listDispatches(other.id)).toEqual([]);
  });

  it("sets the campaigns a delegation carries, in the order given, and refuses an unknown document", async () => {
    const delegation = await freshDelegation("carry-test");
    const [first, second] = await listAllDocuments();
    expect(await setCarriedDocuments(delegation.id, [second.id, first.id])).toBe(true);
    expect(await listCarriedDocumentIds(delegation.id)).toEqual([second.id, first.id]);
    expect((await listCarriedDocuments(delegation.id, "en")).map((document) => document.id)).toEqual(
      [second.id, first.id].filter((id) => [first, second].find((document) => document.id === id)!.status !== "draft"),
    );

    expect(await setCarriedDocuments(delegation.id, [first.id, 987654])).toBe(false);
    expect(await listCarriedDocumentIds(delegation.id)).toEqual([second.id, first.id]);
    expect(await setCarriedDocuments(delegation.id, [])).toBe(true);
    expect(await listCarriedDocumentIds(delegation.id)).toEqual([]);
  });

  it("edits a member's name and texts in place, within its own delegation only", async () => {
    const seeded = (await getDelegationBySlug("moscow-1989"))!;
    const delegation = await freshDelegation("edit-members");
    const [anna] = [await addMember(delegation.id, member("Anna")), await addMember(delegation.id, member("Boris"))];
    const edit = {
      name: "Anna Petrova",
      texts: { en: { role: "Historian", bio: "Reads archives." }, ru: { role: "Историк", bio: "Читает архивы." } },
    };
    expect(await updateMember(seeded.id, anna.id, edit)).toBe(0);
    expect(await updateMember(delegation.id, 987654, edit)).toBe(0);
    expect(await updateMember(delegation.id, anna.id, edit)).toBe(1);
    expect((await listMembers(delegation.id)).map(({ name, texts }) => ({ name, texts }))).toEqual([
      edit,
      member("Boris"),
    ]);
  });

  it("deletes a delegation with its members, dispatches and carried list, but not while an update is addressed through it", async () => {
    const delegation = await freshDelegation("to-delete");
    await addMember(delegation.id, member("Anna"));
    await createDispatch(delegation, { dated: "1990-05-01", texts: { en: { title: "Left", body: "We left." } } }, "o");
    const [document] = await listAllDocuments();
    await setCarriedDocuments(delegation.id, [document.id]);
    const update = await createUpdate(
      { delegationId: delegation.id },
      { en: { subject: "News", body: "We are on our way." } },
      "o",
    );
    expect(await delegationFootprint(delegation.id)).toEqual({ members: 1, dispatches: 1, deliveries: 0, updates: 1 });

    expect(await deleteDelegation(delegation.id)).toBe(false);
    expect(await getDelegationBySlug("to-delete")).toBeDefined();

    await deleteDraftUpdate(update.id);
    expect(await deleteDelegation(delegation.id)).toBe(true);
    expect(await getDelegationBySlug("to-delete")).toBeUndefined();
    expect(await delegationFootprint(delegation.id)).toEqual({ members: 0, dispatches: 0, deliveries: 0, updates: 0 });
    expect(await listCarriedDocumentIds(delegation.id)).toEqual([]);
    expect((await listAllDocuments()).map((row) => row.id)).toContain(document.id); // the campaign stays
    expect(await deleteDelegation(delegation.id)).toBe(false);
  });
});
