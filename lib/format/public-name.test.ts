import { describe, expect, it } from "vitest";
import { initialsOf, publicName } from "./public-name";

describe("public names", () => {
  it("shows the full name, initials in any script, or nothing", () => {
    expect(publicName("Вера Иванова", "full")).toBe("Вера Иванова");
    expect(publicName("Вера Иванова", "initials")).toBe("В. И.");
    expect(publicName("Jean-Pierre Élie", "initials")).toBe("J.-P. É.");
    expect(publicName("毛 泽", "initials")).toBe("毛. 泽.");
    expect(publicName("Hidden Person", "hidden")).toBeNull();
  });

  it("keeps a character outside the BMP whole", () => {
    expect(initialsOf("𝒜lice Smith")).toBe("𝒜. S.");
  });
});
