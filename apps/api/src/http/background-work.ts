// Work a request causes that its answer must neither wait for nor show (a login code looked up,
// issued and sent): it starts once the answer has been handed to the socket, or the client went
// away, so its duration cannot reach the answer's timing. Whatever it throws or rejects with is
// logged at warn, never left unhandled. `idle()` tells when none is pending: tests wait on it, and
// a shutdown can let it finish.
import type { Request, Response } from "express";

export interface BackgroundWork {
  /** Runs `work` after the answer to `request`; `what` names it in the warning if it fails. */
  afterAnswer(request: Request, response: Response, what: string, work: () => Promise<void>): void;
  /** Resolves once no work is pending or running. */
  idle(): Promise<void>;
}

export function createBackgroundWork(): BackgroundWork {
  let pending = 0;
  let waiters: Array<() => void> = [];
  const done = () => {
    pending -= 1;
    if (pending > 0) return;
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };

  return {
    afterAnswer(request, response, what, work) {
      // Counted from now, not from the start: a test that has the answer in hand can wait for it.
      pending += 1;
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        // Through a promise, so a function that throws before its first await is caught as well.
        Promise.resolve()
          .then(work)
          .catch((error: unknown) => request.log.warn({ err: error }, `${what} failed after the answer`))
          .finally(done);
      };
      // `finish`: the answer is written; `close`: it was, or the connection ended first. Once either way.
      response.once("finish", start);
      response.once("close", start);
    },

    idle() {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
