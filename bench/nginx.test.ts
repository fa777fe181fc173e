import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mainConfig, NGINX_SITE, nginxBinary, roundRobinSite, siteConfig } from "./nginx";

// The bench and the e2e test run the documented file itself; these check the copy they make of it.
describe("the nginx configuration the bench generates from docs/nginx.conf", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "delegation-nginx-test-"));
  const site = siteConfig(readFileSync(NGINX_SITE, "utf8"), { port: 3339, appPort: 3338, cacheDir: `${dir}/cache` });

  it("puts this run's ports and paths in place of the documented examples", () => {
    expect(site).toContain("listen 127.0.0.1:3339;");
    expect(site).toContain("server 127.0.0.1:3338;");
    expect(site).toContain(`proxy_cache_path ${dir}/cache `);
    expect(site).not.toMatch(/\/srv\/delegation|\/var\/cache\/nginx|127\.0\.0\.1:3000/);
  });

  it("fails loudly when the documented file no longer has a value it fills in", () => {
    expect(() => siteConfig("server { listen 80; }", { port: 1, appPort: 2, cacheDir: dir })).toThrow(
      /no longer contains/,
    );
  });

  it.skipIf(!nginxBinary())("is accepted by nginx -t (skipped where nginx is not installed)", () => {
    const conf = path.join(dir, "nginx.conf");
    writeFileSync(conf, mainConfig(site, dir));
    const result = spawnSync(nginxBinary()!, ["-t", "-p", dir, "-e", path.join(dir, "error.log"), "-c", conf], {
      encoding: "utf8",
    });
    expect(result.stderr).toMatch(/test is successful/);
    expect(result.status).toBe(0);
  });

  it("shares requests among every instance it is given, caching nothing", () => {
    const roundRobin = roundRobinSite(3339, [3338, 3337]);
    expect(roundRobin).toContain("server 127.0.0.1:3338;\n    server 127.0.0.1:3337;");
    expect(roundRobin).toContain("listen 127.0.0.1:3339;");
    expect(roundRobin).not.toContain("proxy_cache");
  });

  it.skipIf(!nginxBinary())("the round robin is accepted by nginx -t too", () => {
    const conf = path.join(dir, "round-robin.conf");
    writeFileSync(conf, mainConfig(roundRobinSite(3339, [3338, 3337]), dir));
    const result = spawnSync(nginxBinary()!, ["-t", "-p", dir, "-e", path.join(dir, "error.log"), "-c", conf], {
      encoding: "utf8",
    });
    expect(result.stderr).toMatch(/test is successful/);
    expect(result.status).toBe(0);
  });
});
