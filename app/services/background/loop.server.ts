// A background loop runs its work, waits, and runs again: a run never starts while the previous one is
// still going (a slow SMTP server cannot pile runs up), and stopping waits for the item in hand.
export interface Loop {
  /** Asks the work to stop after its current item, and resolves when it has. */
  stop: () => Promise<void>;
}

export interface LoopWork {
  /** `stopping()` turns true once stop() was called: work checks it between items. */
  run: (stopping: () => boolean) => Promise<unknown>;
  intervalMs: number;
  onError: (error: unknown) => void;
}

export function startLoop(work: LoopWork): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  const stopping = () => stopped;

  const tick = () => {
    current = work
      .run(stopping)
      .then(() => undefined, work.onError)
      .finally(() => {
        current = undefined;
        if (!stopped) timer = setTimeout(tick, work.intervalMs);
      });
  };
  timer = setTimeout(tick, 0);

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
