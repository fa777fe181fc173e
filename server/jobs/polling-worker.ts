import "server-only";

export type PollingWorkerOptions = {
  /** The globalThis property that holds the loop's state. */
  slot: string;
  /** Names the loop in its log lines: "<name> pass failed: …". */
  name: string;
  /** The poll's period when start() is given none. */
  everyMs: () => number;
  /** One pass over the work due now, told the period in force; it checks `stopping` between batches. */
  pass: (everyMs: number) => Promise<unknown>;
};

export type PollingWorker = {
  readonly started: boolean;
  /** Set by stop(): a pass that loops over batches claims no more once it is. */
  readonly stopping: boolean;
  /** A pass now, then one every period, without keeping the process alive; started once per process. */
  start(everyMs?: number): void;
  /** A pass now, or the one already running here: never two at once. */
  runPass(): Promise<void>;
  /** Asks a started loop for a pass now; one asked for during a pass runs right after it. */
  nudge(): void;
  /** Starts nothing more; resolves when the pass in flight, if any, has settled. */
  stop(): Promise<void>;
};

type LoopState = {
  timer?: NodeJS.Timeout;
  everyMs?: number;
  running?: Promise<void>;
  again?: boolean;
  stopping?: boolean;
};

/**
 * The loop the background workers share (outbox, webhooks, retention, campaigns' schedule). Leases and
 * claims stay with each worker's pass; this only decides when a pass runs. A failed pass is logged by its
 * message alone (never the error object, whose cause may quote a query's parameters) and the loop goes on.
 */
export function pollingWorker(options: PollingWorkerOptions): PollingWorker {
  // On globalThis: instrumentation and route handlers are separate bundles in one process.
  const slots = globalThis as unknown as Record<string, LoopState | undefined>;
  const state: LoopState = (slots[options.slot] ??= {});

  function runPass(): Promise<void> {
    state.running ??= options
      .pass(state.everyMs ?? options.everyMs())
      .then(() => undefined)
      .catch((error) =>
        console.error(`${options.name} pass failed:`, error instanceof Error ? error.message : String(error)),
      )
      .finally(() => {
        state.running = undefined;
        if (state.again && !state.stopping) {
          state.again = false;
          void runPass();
        }
      });
    return state.running;
  }

  return {
    get started() {
      return state.timer !== undefined;
    },
    get stopping() {
      return state.stopping === true;
    },
    start(everyMs = options.everyMs()) {
      if (state.timer) return;
      state.stopping = false;
      state.everyMs = everyMs;
      state.timer = setInterval(() => void runPass(), everyMs);
      state.timer.unref();
      void runPass();
    },
    runPass,
    nudge() {
      if (!state.timer || state.stopping) return;
      if (state.running) state.again = true;
      else void runPass();
    },
    async stop() {
      state.stopping = true;
      state.again = false;
      clearInterval(state.timer);
      state.timer = undefined;
      await state.running;
    },
  };
}
