import { describe, expect, it } from "vitest";
import { databaseAnswers } from "./health";

describe("the readiness probe's query", () => {
  it("gets an answer from this database", async () => {
    expect(await databaseAnswers()).toBe(true);
  });
});
