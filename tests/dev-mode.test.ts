import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

// Development mode's protections, checked where they are configured: starting `next dev` in the test suite
// would cost minutes on a loaded machine (docs/abuse-and-privacy.md#development-mode).

describe("development mode", () => {
  it("listens on 127.0.0.1 unless HOST says otherwise", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(scripts.dev).toBe('next dev --hostname "${HOST:-127.0.0.1}"');
  });

  it("logs no request whose address carries a token", () => {
    const logging = nextConfig.logging ? nextConfig.logging.incomingRequests : undefined;
    const patterns = (typeof logging === "object" ? (logging.ignore ?? []) : []) as RegExp[];
    const logged = (url: string) => !patterns.some((pattern) => pattern.test(url));
    for (const url of [
      "/confirm/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
      "/ru/signature/12.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
      "/unsubscribe/12.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
      "/api/auth/callback/email?callbackUrl=%2Fadmin&token=0123456789abcdef&email=admin%40localhost",
    ])
      expect(logged(url), url).toBe(false);
    expect(logged("/petitions/moscow-trials")).toBe(true);
  });
});
