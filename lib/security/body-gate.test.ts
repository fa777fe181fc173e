import { describe, expect, it } from "vitest";
import { bodyRefusal, MAX_REQUEST_BYTES } from "./body-gate";

describe("bodyRefusal", () => {
  it("lets a body of declared length within the limit through, and a request without a body", () => {
    expect(bodyRefusal("POST", { "content-length": String(MAX_REQUEST_BYTES) })).toBeNull();
    expect(bodyRefusal("POST", { "content-length": "0" })).toBeNull();
    expect(bodyRefusal("POST", {})).toBeNull();
    expect(bodyRefusal("GET", {})).toBeNull();
  });

  it("refuses a declared length over the limit with 413, whatever the method", () => {
    expect(bodyRefusal("POST", { "content-length": String(50 * 1024 * 1024) })?.status).toBe(413);
    expect(bodyRefusal("PUT", { "content-length": String(MAX_REQUEST_BYTES + 1) })?.status).toBe(413);
  });

  it("refuses a chunked body, whose size is unknown until read, with 411", () => {
    expect(bodyRefusal("POST", { "transfer-encoding": "chunked" })?.status).toBe(411);
  });
});
