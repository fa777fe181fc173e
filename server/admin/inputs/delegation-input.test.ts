import { describe, expect, it } from "vitest";
import {
  carriedDocumentsSchema,
  dispatchEditSchema,
  forDelegation,
  memberEditSchema,
  memberMoveSchema,
  newDelegationSchema,
} from "./delegation-input";

const story = { title: "A title", summary: "A summary", body: "A text" };

describe("delegation forms", () => {
  it("takes a new delegation's address in lower case with single dashes, and refuses anything else", () => {
    expect(newDelegationSchema.parse({ slug: "leningrad-1990", ...story })).toEqual({
      slug: "leningrad-1990",
      en: story,
    });
    for (const slug of ["Leningrad", "a--b", "-a", "a/b", "x", ""]) {
      expect(newDelegationSchema.safeParse({ slug, ...story }).success, slug).toBe(false);
    }
  });

  it("names the delegation a form changes, and refuses a form without one", () => {
    const schema = forDelegation(memberMoveSchema);
    expect(schema.parse({ delegation: "moscow-1989", id: "3", move: "up" })).toEqual({
      delegation: "moscow-1989",
      id: 3,
      move: "up",
    });
    expect(schema.safeParse({ id: "3", move: "up" }).success).toBe(false);
    expect(schema.safeParse({ delegation: "moscow-1989", id: "3", move: "sideways" }).success).toBe(false);
  });

  it("reads the ticked campaigns from their checkboxes, in the form's order", () => {
    expect(carriedDocumentsSchema.parse({ "carry-2": "on", "carry-1": "on", "carry-5": "", other: "on" })).toEqual({
      documentIds: [2, 1],
    });
    expect(carriedDocumentsSchema.parse({})).toEqual({ documentIds: [] });
    expect(carriedDocumentsSchema.safeParse({ "carry-abc": "on" }).success).toBe(false);
  });

  it("edits a dispatch by id with the same rules as a new one", () => {
    expect(dispatchEditSchema.parse({ id: "7", dated: "1989-03-07", title: "T", body: "B" })).toEqual({
      id: 7,
      dated: "1989-03-07",
      texts: { en: { title: "T", body: "B" } },
    });
    expect(dispatchEditSchema.safeParse({ id: "7", dated: "1989-02-30", title: "T", body: "B" }).success).toBe(false);
  });

  it("edits a member by id with the add form's fields, the Russian pair whole or absent", () => {
    const fields = { id: "7", name: " Anna ", role: "Historian", bio: "Reads archives." };
    expect(forDelegation(memberEditSchema).parse({ delegation: "moscow-1989", ...fields })).toEqual({
      delegation: "moscow-1989",
      id: 7,
      name: "Anna",
      texts: { en: { role: "Historian", bio: "Reads archives." } },
    });
    expect(memberEditSchema.safeParse({ ...fields, roleRu: "Историк" }).success).toBe(false);
    expect(memberEditSchema.safeParse({ ...fields, id: "seven" }).success).toBe(false);
    expect(memberEditSchema.safeParse({ ...fields, name: "" }).success).toBe(false);
  });
});
