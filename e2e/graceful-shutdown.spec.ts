import { request as httpRequest, type IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";
import { startResendStub } from "@/tests/resend-stub";
import { ownPort, startOwnServer } from "@/e2e/support/own-server";

// SIGTERM, as systemd, Docker or a deploy script sends it, to a production server of its own.

const SHUTDOWN_LINE = /shutdown: drained, released (\d+) outbox claim\(s\)/;
const SIGNATURES = "/api/petitions/moscow-trials/signatures";
const signer = (email: string) => JSON.stringify({ name: "Ann Lee", email, country: "FR", display: "full" });

/** A new connection's answer: its status, or "refused" when nothing accepts it any more. */
const statusOf = (url: string) =>
  fetch(url).then(
    (response) => response.status,
    () => "refused",
  );

/**
 * A POST whose body the test sends when it likes. With `Expect: 100-continue` the server answers "100
 * Continue" once it has read the headers: from then on the request is in flight on the server.
 */
function postLater(url: string, body: string) {
  const request = httpRequest(url, {
    method: "POST",
    agent: false,
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      expect: "100-continue",
    },
  });
  const inFlight = new Promise<void>((resolve) => request.once("continue", resolve));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once("error", reject);
    request.once("response", (response: IncomingMessage) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.once("end", () => resolve({ status: response.statusCode!, body: text }));
    });
  });
  request.flushHeaders();
  return { inFlight, answer, send: () => request.end(body) };
}

test("a request in flight when SIGTERM arrives is answered; then the server drains and exits with 143", async () => {
  test.setTimeout(90_000);
  const server = await startOwnServer(ownPort(5), {});
  try {
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({ ready: true });

    const email = "in-flight@example.org";
    const signing = postLater(`${server.url}${SIGNATURES}`, signer(email));
    await signing.inFlight;
    const signalled = Date.now();
    server.kill("SIGTERM");

    // The background jobs are drained and no new connection is accepted, while the request waits for its body.
    await expect.poll(() => server.log(), { timeout: 15_000 }).toMatch(SHUTDOWN_LINE);
    expect(server.log().match(SHUTDOWN_LINE)![1]).toBe("0");
    await expect.poll(() => statusOf(`${server.url}/api/ready`), { timeout: 15_000 }).toBe("refused");

    signing.send();
    const answer = await signing.answer;
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toEqual({ status: "pending" });

    expect(await server.exited).toBe(143);
    expect(Date.now() - signalled).toBeLessThan(15_000);
    // The signature was written; its email waits in the queue for the next server (the worker had stopped).
    expect(server.query("select state from signatures where email = ?", email)).toEqual([{ state: "pending" }]);
    expect(server.query("select status from outbox where recipient = ?", email)).toEqual([{ status: "queued" }]);
  } finally {
    await server.stop();
  }
});

test("an email send in flight is given 10 s, then handed back to the queue before the server exits", async () => {
  test.setTimeout(90_000);
  const stub = await startResendStub();
  await stub.outage("hang", 10 * 60_000); // the provider takes every request and never answers
  const server = await startOwnServer(ownPort(6), {
    RESEND_API_KEY: "re_shutdown_test",
    RESEND_BASE_URL: stub.url,
    MAIL_TIMEOUT_MS: "60000", // the send outlasts the grace period
  });
  try {
    const email = "being-sent@example.org";
    const signed = await fetch(`${server.url}${SIGNATURES}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: signer(email),
    });
    expect(signed.status).toBe(202);
    await expect.poll(() => stub.requests.length, { timeout: 15_000 }).toBe(1);
    expect(server.query("select status from outbox where recipient = ?", email)).toEqual([{ status: "sending" }]);

    const signalled = Date.now();
    server.kill("SIGTERM");
    expect(await server.exited).toBe(143);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(9_000);
    expect(took).toBeLessThan(15_000);
    expect(server.log().match(SHUTDOWN_LINE)?.[1]).toBe("1");
    expect(server.log()).not.toContain(email);
    // Back in the queue, for another instance now or this one's successor; its batch key is kept.
    expect(server.query("select status, attempts from outbox where recipient = ?", email)).toEqual([
      { status: "queued", attempts: 1 },
    ]);
  } finally {
    await server.stop();
    await stub.close();
  }
});
