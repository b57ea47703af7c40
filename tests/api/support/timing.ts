// Compares how long two kinds of request take over real HTTP, robustly enough for a noisy shared
// machine: warm-up first, then the two kinds interleaved A B B A (so drift in the machine's load
// falls on both alike), each sample taken alone (the app's after-answer work settled in between),
// and compared by medians, which a few stalls do not move. Mann-Whitney's z is reported beside.
// The stopwatch runs in a worker thread, as a client on another machine would: in the app's own
// thread it would also count whatever the app does after the answer is on the wire.
import { Worker } from "node:worker_threads";

interface TimedAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a parsed JSON body, checked by the tests
  body: any;
  /** From sending the request to the last byte of the answer, in milliseconds. */
  elapsed: number;
}

export interface TimingClient {
  post(path: string, json: unknown): Promise<TimedAnswer>;
  close(): Promise<void>;
}

const clientSource = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", async ({ id, url, json }) => {
  try {
    const start = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(json),
    });
    const text = await response.text();
    const elapsed = performance.now() - start;
    parentPort.postMessage({ id, status: response.status, text, elapsed });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

/** A client in its own thread that times each request it makes to `baseUrl`. */
export function timingClient(baseUrl: string): TimingClient {
  const worker = new Worker(clientSource, { eval: true });
  const waiting = new Map<number, { resolve: (answer: TimedAnswer) => void; reject: (error: Error) => void }>();
  let ids = 0;
  worker.on("message", (message: { id: number; status: number; text: string; elapsed: number; error?: string }) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else
      pending?.resolve({
        status: message.status,
        body: message.text ? JSON.parse(message.text) : undefined,
        elapsed: message.elapsed,
      });
  });
  return {
    post(path, json) {
      ids += 1;
      const id = ids;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, url: new URL(path, baseUrl).href, json });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/**
 * How far apart two medians may be and still count as alike: 2 ms, or 15 % of the slower median
 * (longer requests vary more), or half the wider interquartile range (the machine's noise at the
 * time), whichever is largest. The gaps this must catch were 10 to 40 ms on a quiet machine.
 */
function boundFor(timesA: number[], timesB: number[]): number {
  const spread = (times: number[]) => quantile(times, 0.75) - quantile(times, 0.25);
  return Math.max(2, 0.15 * Math.max(median(timesA), median(timesB)), 0.5 * Math.max(spread(timesA), spread(timesB)));
}

export interface TimingComparison {
  a: number[];
  b: number[];
  medianA: number;
  medianB: number;
  /** medianA − medianB, in milliseconds. */
  difference: number;
  /** Mann-Whitney U as a normal score: near 0 when neither kind tends to be slower. */
  z: number;
  /** The largest |difference| that counts as alike (`boundFor`). */
  bound: number;
  alike: boolean;
  /** One line for a failure message or a report. */
  summary: string;
}

interface Kind {
  /** Makes one request through a timing client and gives its answer; throws if it is not the expected one. */
  run: () => Promise<TimedAnswer>;
  /** Untimed preparation before each sample (a fresh code, the clock moved on). */
  before?: () => Promise<void>;
}

/**
 * Up to `rounds` comparisons, until one finds the two kinds alike: a burst of load from another
 * process can spoil one round, while a real gap shows in every round.
 */
export async function compareTimings(
  a: Kind,
  b: Kind,
  options: { samples: number; warmUp: number; settle: () => Promise<void>; rounds: number },
): Promise<TimingComparison> {
  let comparison = await compareOnce(a, b, options);
  for (let round = 1; round < options.rounds && !comparison.alike; round += 1) {
    comparison = await compareOnce(a, b, options);
  }
  return comparison;
}

async function compareOnce(
  a: Kind,
  b: Kind,
  options: { samples: number; warmUp: number; settle: () => Promise<void> },
): Promise<TimingComparison> {
  const sample = async (kind: Kind) => {
    await kind.before?.();
    await options.settle();
    const { elapsed } = await kind.run();
    await options.settle();
    return elapsed;
  };
  for (let index = 0; index < options.warmUp; index += 1) {
    await sample(a);
    await sample(b);
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let index = 0; index < options.samples; index += 1) {
    // A B, then B A: each kind goes first half the time.
    if (index % 2 === 0) {
      timesA.push(await sample(a));
      timesB.push(await sample(b));
    } else {
      timesB.push(await sample(b));
      timesA.push(await sample(a));
    }
  }
  const medianA = median(timesA);
  const medianB = median(timesB);
  const z = mannWhitneyZ(timesA, timesB);
  const bound = boundFor(timesA, timesB);
  const quartiles = (times: number[]) => [0.25, 0.5, 0.75].map((q) => quantile(times, q).toFixed(2)).join("/");
  return {
    a: timesA,
    b: timesB,
    medianA,
    medianB,
    difference: medianA - medianB,
    z,
    bound,
    alike: Math.abs(medianA - medianB) < bound,
    summary:
      `A q1/median/q3 ${quartiles(timesA)} ms, B ${quartiles(timesB)} ms, ` +
      `median difference ${(medianA - medianB).toFixed(2)} ms (bound ${bound.toFixed(2)}), ` +
      `Mann-Whitney z ${z.toFixed(2)} (n=${options.samples} each)`,
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
}

const median = (values: number[]) => quantile(values, 0.5);

/** U of `a` over `b` (ties count a half), normalised: (U − n·m/2) / √(n·m·(n+m+1)/12). */
function mannWhitneyZ(a: number[], b: number[]): number {
  let u = 0;
  for (const x of a) for (const y of b) u += x > y ? 1 : x === y ? 0.5 : 0;
  const n = a.length;
  const m = b.length;
  return (u - (n * m) / 2) / Math.sqrt((n * m * (n + m + 1)) / 12);
}
