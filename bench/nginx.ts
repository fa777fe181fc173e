// nginx (Debian's package) in front of the app, with the configuration operators copy (docs/nginx.conf):
// a generated copy with this run's ports and paths, as a non-daemon child, its cache and temp files in a
// folder of its own. Used by `npm run bench` and by the e2e test that proves what it caches; and as a bare
// round robin over several instances (`npm run bench -- --databases`).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { waitFor, type Server } from "./servers";

export const NGINX_SITE = "docs/nginx.conf";

/** Debian's nginx binary, or null where nginx is not installed. */
export function nginxBinary(): string | null {
  return ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => existsSync(file)) ?? null;
}

type Options = { port: number; appPort: number; appDir?: string; workers?: number; floorDir?: string };

/** Where `floorDir`'s files are served from disk: the bench's floors, static copies of the pages it loads. */
export const FLOOR_PREFIX = "/bench-floor/";

/** The documented site plus, for the bench, `floorDir` served as plain files under FLOOR_PREFIX. */
function withFloor(site: string, floorDir: string | undefined): string {
  if (!floorDir) return site;
  const location = `    location ${FLOOR_PREFIX} {\n        alias ${path.resolve(floorDir)}/;\n    }\n`;
  const end = site.lastIndexOf("}");
  return `${site.slice(0, end)}${location}${site.slice(end)}`;
}

/** The documented site with this run's values in place of its examples; each must be found, or the doc changed. */
export function siteConfig(site: string, options: Options & { cacheDir: string }): string {
  const appDir = path.resolve(options.appDir ?? ".");
  const replacements: [string, string][] = [
    ["/var/cache/nginx/delegation", options.cacheDir],
    ["server 127.0.0.1:3000;", `server 127.0.0.1:${options.appPort};`],
    ["listen 80;", `listen 127.0.0.1:${options.port};`],
    ["/srv/delegation/.next/static/", `${appDir}/.next/static/`],
    ["/srv/delegation/public", `${appDir}/public`],
  ];
  return replacements.reduce((text, [example, value]) => {
    if (!text.includes(example)) throw new Error(`${NGINX_SITE} no longer contains "${example}"`);
    return text.replaceAll(example, value);
  }, site);
}

/** A whole nginx.conf around the site, as Debian's /etc/nginx/nginx.conf would wrap it, rooted in `dir`. */
export function mainConfig(site: string, dir: string, workers = 1): string {
  const temp = (name: string) => path.join(dir, name);
  const mimeTypes = existsSync("/etc/nginx/mime.types") ? "include /etc/nginx/mime.types;" : "";
  return `daemon off;
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes ${workers};
pid ${temp("nginx.pid")};
error_log ${temp("error.log")} warn;
events { worker_connections 1024; }
http {
    ${mimeTypes}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path ${temp("client-body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
${site}
}
`;
}

/**
 * A round robin over several instances of the app and nothing else: no cache, the same proxy headers as
 * docs/nginx.conf, so that one instance behind it and two behind it differ only in their number.
 */
export function roundRobinSite(port: number, appPorts: number[]): string {
  return `upstream delegation_instances {
${appPorts.map((appPort) => `    server 127.0.0.1:${appPort};`).join("\n")}
    keepalive 32;
}
server {
    listen 127.0.0.1:${port};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    location / {
        proxy_pass http://delegation_instances;
    }
}`;
}

/** Starts nginx in front of the app on `appPort`, with the documented site; stop() ends it and removes its files. */
export function startNginx(options: Options): Promise<Server> {
  return runNginx(options.port, options.workers, (cacheDir) =>
    withFloor(siteConfig(readFileSync(NGINX_SITE, "utf8"), { ...options, cacheDir }), options.floorDir),
  );
}

/** Starts nginx sharing requests in turn among the instances on `appPorts` (roundRobinSite). */
export function startRoundRobin(options: { port: number; appPorts: number[]; workers?: number }): Promise<Server> {
  return runNginx(options.port, options.workers, () => roundRobinSite(options.port, options.appPorts), "/api/health");
}

async function runNginx(
  port: number,
  workers: number | undefined,
  siteFor: (cacheDir: string) => string,
  readyPath = "/robots.txt",
): Promise<Server> {
  const binary = nginxBinary();
  if (!binary) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const dir = mkdtempSync(path.join(tmpdir(), "delegation-nginx-"));
  const cacheDir = path.join(dir, "cache");
  mkdirSync(cacheDir);
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, mainConfig(siteFor(cacheDir), dir, workers));
  // -e: the error log from the very start, before the configuration names it (not /var/log/nginx).
  const child = spawn(binary, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", conf], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.on("data", (chunk) => (output = (output + chunk).slice(-20_000)));
  const log = () => {
    const file = path.join(dir, "error.log");
    return output + (existsSync(file) ? readFileSync(file, "utf8").slice(-20_000) : "");
  };
  const server: Server = {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    log,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
  try {
    await waitFor(`${server.url}${readyPath}`, 30_000, child);
  } catch (error) {
    const message = `${(error as Error).message}\n${log()}`;
    await server.stop();
    throw new Error(message);
  }
  return server;
}
