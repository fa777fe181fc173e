import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isNonPublicAddress } from "./webhook-url";

describe("webhook URLs", () => {
  it("take https anywhere public, in production and out", () => {
    expect(checkWebhookUrl("https://crm.example.org/hooks/delegation", true).ok).toBe(true);
    expect(checkWebhookUrl("https://93.184.216.34/hook", true).ok).toBe(true);
  });

  it("take http only to this machine, and only outside production", () => {
    expect(checkWebhookUrl("http://127.0.0.1:4211/hook", false).ok).toBe(true);
    expect(checkWebhookUrl("http://localhost:4211/hook", false).ok).toBe(true);
    expect(checkWebhookUrl("http://127.0.0.1:4211/hook", true)).toMatchObject({ ok: false });
    expect(checkWebhookUrl("http://crm.example.org/hook", false)).toMatchObject({ ok: false });
  });

  it("refuse private, loopback and link-local targets in production (SSRF)", () => {
    for (const url of [
      "https://10.0.0.5/hook",
      "https://192.168.1.1/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hook",
      "https://[fd00::1]/hook",
      "https://[::ffff:127.0.0.1]/hook",
      "https://localhost/hook",
    ]) {
      expect(checkWebhookUrl(url, true), url).toMatchObject({ ok: false, error: expect.stringMatching(/public/) });
    }
  });

  it("refuse what is not a URL, other schemes and credentials", () => {
    expect(checkWebhookUrl("crm.example.org", true)).toMatchObject({ ok: false });
    expect(checkWebhookUrl("ftp://crm.example.org/", true)).toMatchObject({ ok: false });
    expect(checkWebhookUrl("https://user:pw@crm.example.org/", true)).toMatchObject({ ok: false });
  });

  it("classify resolved addresses", () => {
    expect(isNonPublicAddress("8.8.8.8")).toBe(false);
    expect(isNonPublicAddress("2a00:1450:4001:80b::200e")).toBe(false);
    expect(isNonPublicAddress("172.20.1.1")).toBe(true);
    expect(isNonPublicAddress("::ffff:10.1.2.3")).toBe(true);
    expect(isNonPublicAddress("not an address")).toBe(true);
  });
});
