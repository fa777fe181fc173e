import "server-only";

// On globalThis: the signal handler (instrumentation's bundle) sets it, route handlers read it.
const flag = globalThis as { __delegationDraining?: boolean };

/** From now on this process is stopping: it finishes what it has and should be sent nothing new. */
export function markDraining(): void {
  flag.__delegationDraining = true;
}

export function isDraining(): boolean {
  return flag.__delegationDraining === true;
}
