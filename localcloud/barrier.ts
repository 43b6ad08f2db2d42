// Barriers for tests that must show a race rather than hope for one: database requests matching
// a barrier (an action, optionally one collection) are held until `parties` of them have arrived,
// then all go on together. Nothing is held once the barrier has tripped or timed out.

export interface BarrierSpec {
  /** e.g. 'database.insertDocument'. */
  action: string;
  collection?: string;
  /** How many matching requests are held before all of them go on. */
  parties: number;
  /** Release whatever has arrived after this long (default 10 s), so a test never hangs. */
  timeoutMs?: number;
}

export interface Barrier {
  /** Resolves with how many requests were held when it tripped (parties, or fewer on timeout). */
  tripped: Promise<number>;
  cancel(): void;
}

interface Active {
  spec: BarrierSpec;
  waiting: Array<() => void>;
  done: boolean;
  trip(): void;
}

export class Barriers {
  private readonly active = new Set<Active>();

  add(spec: BarrierSpec): Barrier {
    let resolveTripped: (n: number) => void = () => undefined;
    const tripped = new Promise<number>((resolve) => {
      resolveTripped = resolve;
    });
    const entry: Active = {
      spec,
      waiting: [],
      done: false,
      trip: () => {
        if (entry.done) return;
        entry.done = true;
        this.active.delete(entry);
        clearTimeout(timer);
        const held = entry.waiting.splice(0);
        for (const go of held) go();
        resolveTripped(held.length);
      },
    };
    const timer = setTimeout(entry.trip, spec.timeoutMs ?? 10_000);
    timer.unref();
    this.active.add(entry);
    return { tripped, cancel: entry.trip };
  }

  /** Holds a request if a barrier matches it; resolves at once otherwise. */
  pass(action: string, collection: string | undefined): Promise<void> {
    for (const entry of this.active) {
      if (entry.spec.action !== action) continue;
      if (entry.spec.collection !== undefined && entry.spec.collection !== collection) continue;
      return new Promise<void>((resolve) => {
        entry.waiting.push(resolve);
        if (entry.waiting.length >= entry.spec.parties) entry.trip();
      });
    }
    return Promise.resolve();
  }
}
