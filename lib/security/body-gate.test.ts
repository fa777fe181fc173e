import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { bodyRefusal, MAX_REQUEST_BYTES, refuseBody } from "./body-gate";

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

describe("refusing an oversized body on a real connection", () => {
  it("answers every 1 MB post with its 413, never a reset, while the client is still sending", async () => {
    const server = http.createServer((request, response) => {
      if (!refuseBody(request, response)) response.end("read");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const payload = Buffer.alloc(1024 * 1024, 97);
    const post = () =>
      new Promise<number | string>((resolve) => {
        const request = http.request(
          { host: "127.0.0.1", port, method: "POST", path: "/api/x", headers: { "content-length": payload.length } },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
        request.end(payload);
      });
    try {
      const answers: (number | string)[] = [];
      for (let i = 0; i < 20; i++) answers.push(await post());
      expect(answers).toEqual(Array(20).fill(413));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
