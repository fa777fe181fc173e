import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders, strictTransportSecurity, type Deployment } from "./security-headers";

const production = (appUrl: string): Deployment => ({ production: true, development: false, appUrl });
const development: Deployment = { production: false, development: true, appUrl: "https://localhost:3000" };
const scriptSources = (policy: string) => policy.split("; ").find((part) => part.startsWith("script-src "));

describe("security headers", () => {
  it("sends HSTS only from a production site served over https", () => {
    expect(strictTransportSecurity(production("https://petition.example.org"))).toMatch(/^max-age=31536000/);
    expect(strictTransportSecurity(production("http://localhost:3000"))).toBeNull();
    expect(strictTransportSecurity(development)).toBeNull();
    expect(securityHeaders(production("http://localhost:3000")).map((header) => header.key)).not.toContain(
      "Strict-Transport-Security",
    );
    expect(securityHeaders(production("https://petition.example.org")).map((header) => header.key)).toContain(
      "Strict-Transport-Security",
    );
  });

  it("lets inline scripts run only by this response's nonce, and none without one", () => {
    expect(scriptSources(contentSecurityPolicy(production("https://a.example"), "abc123"))).toBe(
      "script-src 'self' 'nonce-abc123' 'strict-dynamic'",
    );
    expect(scriptSources(contentSecurityPolicy(production("https://a.example")))).toBe("script-src 'self'");
    for (const policy of [
      contentSecurityPolicy(production("https://a.example"), "n"),
      contentSecurityPolicy(development, "n"),
    ]) {
      expect(scriptSources(policy)).not.toContain("unsafe-inline");
    }
  });

  it("allows eval only in development, where React's error overlay needs it", () => {
    expect(scriptSources(contentSecurityPolicy(development, "n"))).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(production("https://a.example"), "n")).not.toContain("unsafe-eval");
  });
});
