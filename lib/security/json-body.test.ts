import { describe, expect, it } from "vitest";
import { readJsonBody } from "./json-body";

const post = (body: BodyInit | null, type = "application/json", headers: Record<string, string> = {}) =>
  new Request("http://localhost/api", { method: "POST", body, headers: { "content-type": type, ...headers } });

describe("readJsonBody", () => {
  it("parses a JSON object", async () => {
    expect(await readJsonBody(post('{"name":"Вера"}'))).toEqual({ ok: true, value: { name: "Вера" } });
  });

  it("refuses other content types with 415", async () => {
    expect(await readJsonBody(post("name=x", "application/x-www-form-urlencoded"))).toMatchObject({
      ok: false,
      status: 415,
    });
    expect(await readJsonBody(post("{}", "text/plain"))).toMatchObject({ ok: false, status: 415 });
  });

  it("refuses bodies over the limit, whatever Content-Length says", async () => {
    expect(await readJsonBody(post(JSON.stringify({ a: "x".repeat(2000) })), 1000)).toMatchObject({
      ok: false,
      status: 413,
    });
  });

  it("refuses invalid UTF-8, empty bodies and broken JSON with 400", async () => {
    expect(await readJsonBody(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toMatchObject({
      ok: false,
      status: 400,
      error: "The request body is not valid UTF-8.",
    });
    expect(await readJsonBody(post(""))).toMatchObject({ ok: false, status: 400 });
    expect(await readJsonBody(post("{name:"))).toMatchObject({
      ok: false,
      status: 400,
      error: "The request body is not valid JSON.",
    });
  });
});
