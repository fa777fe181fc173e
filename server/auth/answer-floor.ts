import "server-only";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The sign-in answer is given this long after the request, never sooner, whatever work it took: an
 * organiser's request (a token and an email queued) and a stranger's (nothing) then look alike to a clock.
 * Far above the work itself, even on a loaded machine, and short enough not to bother anyone.
 */
const SIGN_IN_ANSWER_MS = 400;

export const signInFloorStart = () => performance.now();

export async function answerAfterFloor(started: number): Promise<void> {
  const left = started + SIGN_IN_ANSWER_MS - performance.now();
  if (left > 0) await sleep(left);
}
