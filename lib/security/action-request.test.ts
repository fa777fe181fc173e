import { describe, expect, it } from "vitest";
import { actionRequestProblem } from "./action-request";

const ID = "784cae16fbbc8555a269d0acc71b0a973f61458a7f";

function formPost(fields: [string, string][], type?: string) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const request = new Request("http://site.test/petitions/moscow-trials", { method: "POST", body: form });
  return type ? new Request(request, { headers: { "content-type": type } }) : request;
}

const bound = (row: string, args: string): [string, string][] => [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", JSON.stringify({ id: ID, bound: row })],
  ["$ACTION_1:1", args],
  ["name", "Ann"],
];

describe("isReadableActionRequest", () => {
  it("lets through what our forms send: plain bound arguments, the previous state, an action without any", async () => {
    expect(await actionRequestProblem(formPost(bound("$@1", '["petitions","moscow-trials",null]')))).toBeNull();
    const state = {
      errors: { name: "Please enter your name." },
      values: { name: "$$5 off", city: "$undefined" },
      attempt: 2,
    };
    expect(
      await actionRequestProblem(formPost(bound("$@1", JSON.stringify(["petitions", "moscow-trials", state])))),
    ).toBeNull();
    expect(
      await actionRequestProblem(
        formPost([
          [`$ACTION_ID_${ID}`, ""],
          ["token", "x"],
        ]),
      ),
    ).toBeNull();
    const fetchAction = { "content-type": "text/plain;charset=UTF-8", "next-action": ID };
    expect(
      await actionRequestProblem(
        new Request("http://site.test/", { method: "POST", body: '["$undefined"]', headers: fetchAction }),
      ),
    ).toBeNull();
  });

  it("refuses bodies and bound arguments that Next or React would fail on with a 500", async () => {
    const refused = [
      formPost(bound("$@1", '{"a":1}')),
      formPost(bound("$@7", "[]")),
      formPost(bound("$@1", '["$@5"]')),
      formPost(bound("$@1", '["$K1", null]')),
      formPost(bound("$@1", "[not json")),
      formPost([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", `{"id":"${ID}"garbage`],
      ]),
      formPost([["name", "Ann"]], "multipart/form-data"),
      formPost([["name", "Ann"]], "multipart/form-data; boundary=not-the-one"),
      new Request("http://site.test/", {
        method: "POST",
        body: "[[[",
        headers: { "content-type": "text/plain", "next-action": ID },
      }),
    ];
    for (const request of refused)
      expect(await actionRequestProblem(request)).toEqual({
        status: 400,
        message: expect.stringMatching(/could not be read/),
      });
  });

  it("refuses a post to a page that is no action at all", async () => {
    for (const type of ["text/plain", "application/json", "application/x-www-form-urlencoded"]) {
      const request = new Request("http://site.test/petitions/moscow-trials", {
        method: "POST",
        body: "name=Ann",
        headers: { "content-type": type },
      });
      expect(await actionRequestProblem(request)).toMatchObject({ status: 415 });
    }
  });
});

describe("actionRequestProblem with the page's actions", () => {
  const owns = (id: string): "owned" | "elsewhere" | "unknown" =>
    id === ID ? "owned" : id === "elsewhere" ? "elsewhere" : "unknown";
  const fetchAction = (id: string) =>
    new Request("http://site.test/privacy", {
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8", "next-action": id },
      body: "[]",
    });

  it("lets this page's action through, by header or in a no-JavaScript form", async () => {
    expect(await actionRequestProblem(fetchAction(ID), owns)).toBeNull();
    expect(await actionRequestProblem(formPost(bound("$@1", "[]")), owns)).toBeNull();
  });

  it("refuses another page's action with 404 and an unknown one with 409, before Next sees them", async () => {
    expect((await actionRequestProblem(fetchAction("elsewhere"), owns))?.status).toBe(404);
    expect((await actionRequestProblem(fetchAction("0123"), owns))?.status).toBe(409);
    expect((await actionRequestProblem(formPost([[`$ACTION_ID_elsewhere`, ""]]), owns))?.status).toBe(404);
  });
});
