import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

// On globalThis: one identity per process, whichever bundle asks.
const holder = globalThis as { __delegationInstance?: string };

/** This process among the instances sharing a database: who holds a job's lease. */
export function instanceId(): string {
  return (holder.__delegationInstance ??= `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`);
}
