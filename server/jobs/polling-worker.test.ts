import { afterEach, describe, expect, it, vi } from "vitest";
import { pollingWorker, type PollingWorker } from "./polling-worker";

/** A pass that waits until the test lets it finish, counting how many began. */
function controllablePasses() {
  const releases: (() => void)[] = [];
  let began = 0;
  const pass = vi.fn(() => {
    began++;
    return new Promise<void>((resolve) => releases.push(resolve));
  });
  return {
    pass,
    began: () => began,
    finishCurrent: () => releases.shift()?.(),
  };
}

let slotNumber = 0;
const workers: PollingWorker[] = [];

function loop(pass: (everyMs: number) => Promise<unknown>, everyMs = 60_000): PollingWorker {
  const worker = pollingWorker({
    slot: `__pollingWorkerTest${++slotNumber}`,
    name: "test",
    everyMs: () => everyMs,
    pass,
  });
  workers.push(worker);
  return worker;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

describe("the shared polling loop", () => {
  it("runs a pass at once on start, is started once per process, and keeps no process alive", async () => {
    const passes = controllablePasses();
    const worker = loop(passes.pass);
    worker.start();
    worker.start();
    expect(passes.began()).toBe(1);
    expect(worker.started).toBe(true);
    const slots = globalThis as unknown as Record<string, { timer?: NodeJS.Timeout }>;
    expect(slots[`__pollingWorkerTest${slotNumber}`].timer!.hasRef()).toBe(false);
    passes.finishCurrent();
  });

  it("polls again every period while idle", async () => {
    let passes = 0;
    const worker = loop(async () => void passes++, 5);
    worker.start();
    await vi.waitFor(() => expect(passes).toBeGreaterThanOrEqual(3));
  });

  it("tells the pass the period it was started with", async () => {
    const seen: number[] = [];
    const worker = loop(async (everyMs) => void seen.push(everyMs));
    worker.start(1234);
    await vi.waitFor(() => expect(seen).toEqual([1234]));
  });

  it("never runs two passes at once: a direct pass joins the one running", async () => {
    const passes = controllablePasses();
    const worker = loop(passes.pass);
    const first = worker.runPass();
    expect(worker.runPass()).toBe(first);
    passes.finishCurrent();
    await first;
    expect(passes.began()).toBe(1);
  });

  it("runs once more right after the pass in flight when nudged during it, however often", async () => {
    const passes = controllablePasses();
    const worker = loop(passes.pass);
    worker.start();
    worker.nudge();
    worker.nudge();
    expect(passes.began()).toBe(1);
    passes.finishCurrent();
    await vi.waitFor(() => expect(passes.began()).toBe(2));
    passes.finishCurrent();
    await worker.stop();
    expect(passes.began()).toBe(2);
  });

  it("is not woken by a nudge before it starts or after it stops", async () => {
    const passes = controllablePasses();
    const worker = loop(passes.pass);
    worker.nudge();
    expect(passes.began()).toBe(0);
    worker.start();
    passes.finishCurrent();
    await worker.stop();
    worker.nudge();
    expect(passes.began()).toBe(1);
    expect(worker.started).toBe(false);
  });

  it("stops only once the pass in flight has settled, which sees that it is stopping", async () => {
    let sawStopping = false;
    let letGo!: () => void;
    const worker = loop(async () => {
      await new Promise<void>((resolve) => (letGo = resolve));
      sawStopping = worker.stopping;
    });
    worker.start();
    worker.nudge(); // a pass owed after this one is dropped by stop()
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    letGo();
    await stopping;
    expect(sawStopping).toBe(true);
  });

  it("logs a failed pass by its message alone and keeps polling", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let passes = 0;
    const worker = loop(async () => {
      passes++;
      if (passes === 1) throw new Error("database went away", { cause: { secret: "re_live_key" } });
    }, 5);
    worker.start();
    await vi.waitFor(() => expect(passes).toBeGreaterThanOrEqual(2));
    expect(logged).toHaveBeenCalledWith("test pass failed:", "database went away");
    expect(JSON.stringify(logged.mock.calls)).not.toContain("re_live_key");
  });

  it("starts again after a stop", async () => {
    let passes = 0;
    const worker = loop(async () => void passes++);
    worker.start();
    await worker.stop();
    worker.start();
    await vi.waitFor(() => expect(passes).toBe(2));
    expect(worker.stopping).toBe(false);
  });
});
