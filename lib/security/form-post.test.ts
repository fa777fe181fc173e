import { describe, expect, it } from "vitest";
import { formPostProblem } from "./form-post";

const post = (headers: Record<string, string>) =>
  new Headers({ host: "site.example", "content-length": "100", ...headers });

describe("a form post's headers", () => {
  it("pass when sent from this site with a length within the limit", () => {
    expect(formPostProblem(post({ origin: "https://site.example" }), 1024)).toBeNull();
    expect(formPostProblem(post({}), 1024)).toBeNull(); // a program, not another site's page
  });

  it("refuse another site's page (403), a missing length (411) and a length over the limit (413)", () => {
    expect(formPostProblem(post({ origin: "https://evil.example" }), 1024)?.status).toBe(403);
    expect(formPostProblem(post({ "sec-fetch-site": "cross-site" }), 1024)?.status).toBe(403);
    const unmeasured = post({});
    unmeasured.delete("content-length");
    expect(formPostProblem(unmeasured, 1024)).toMatchObject({ status: 411, message: /Content-Length/ });
    expect(formPostProblem(post({ "content-length": "2048" }), 1024)).toMatchObject({
      status: 413,
      message: "The submission is too large: at most 1 KB is accepted.",
    });
  });
});
