import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export type Server = { url: string; port: number; process: ChildProcess; stop: () => Promise<void>; log: () => string };

/** Polls `url` until it answers 2xx; fails early when `child` exits. */
export async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function start(
  command: string[],
  port: number,
  env: Record<string, string>,
  readyPath: string,
  cwd = process.cwd(),
): Promise<Server> {
  const child = spawn(process.execPath, command, {
    cwd,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.on("data", (chunk) => (output = (output + chunk).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    url,
    port,
    process: child,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
  return waitFor(`${url}${readyPath}`, 90_000, child).then(
    () => server,
    async (error) => {
      await server.stop();
      throw new Error(`${error.message}\n${output}`);
    },
  );
}

/** The production server (`next start`) in its own process, on its own database and mailbox. */
export function startApp(port: number, env: Record<string, string>): Promise<Server> {
  return start(
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    port,
    env,
    "/api/petitions/moscow-trials",
  );
}

/** Another Next app, built in `dir` with this project's own `next` (bench/bare-next). */
export function startNextIn(dir: string, port: number): Promise<Server> {
  const next = path.resolve("node_modules/next/dist/bin/next");
  return start([next, "start", "-p", String(port)], port, {}, "/", dir);
}

/** The write floor: a bare node:http server doing one SQLite insert per request. */
export function startInsertFloor(port: number, database: string): Promise<Server> {
  return start(["--import", "tsx", "bench/insert-floor.ts"], port, { FLOOR_DATABASE: database }, "/health");
}

/** A process and all its descendants (Linux /proc), the root first. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(rootPid: number): number {
  let total = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/** CPU time each of these processes has used so far, user and system, in milliseconds (Linux /proc). */
export function cpuMilliseconds(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // clock ticks of 1/100 s
    } catch {
      // gone
    }
  }
  return used;
}

/** A port nobody listens on at the moment (the system's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
