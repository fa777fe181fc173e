import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { baseURL, E2E_DATA } from "@/playwright.config";

/** The id of the process listening on the test server's port (Linux: ss), or null where that cannot be read. */
export function serverPid(): number | null {
  const port = new URL(baseURL).port;
  try {
    const listing = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const pid = /pid=(\d+)/.exec(listing)?.[1];
    return pid ? Number(pid) : null;
  } catch {
    return null;
  }
}

/** The server's resident memory in kB, from /proc/<pid>/status. */
export function residentKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
}

const LOG = path.join(E2E_DATA, "server.log");

/** The server log written from now on: call the returned function to read what was added. */
export function logFromHere(): () => string {
  const start = readFileSync(LOG).length;
  return () => readFileSync(LOG).subarray(start).toString("utf8");
}
