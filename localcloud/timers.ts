// Timer triggers as WeChat runs them: each function's `triggers` (config.json), a seven-field cron
// (second minute hour day month weekday year) evaluated in Beijing time. A trigger fires the
// function with `{Type: 'Timer', TriggerName, Time}` and no caller. A run still going when the
// next is due is not doubled: that firing is skipped, and said in the log.
import { CronExpressionParser } from 'cron-parser';

const BEIJING = 'Asia/Shanghai';

/** The next moment (epoch ms) after `after` when a seven-field cron fires; null if never. */
export function nextFire(cron: string, after: number): number | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`a timer trigger needs seven cron fields, got "${cron}"`);
  const year = fields[6];
  const years = year === '*' ? null : new Set(year.split(',').flatMap(expandYears));
  const iterator = CronExpressionParser.parse(fields.slice(0, 6).join(' '), { tz: BEIJING, currentDate: new Date(after) });
  // A year field narrows the six-field schedule; look ahead a bounded number of firings.
  for (let i = 0; i < 100_000; i++) {
    let at: number;
    try {
      at = iterator.next().toDate().getTime();
    } catch {
      return null;
    }
    if (!years || years.has(new Date(at + 8 * 3_600_000).getUTCFullYear())) return at;
  }
  return null;
}

function expandYears(part: string): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(part);
  if (!m) throw new Error(`unsupported year field "${part}"`);
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

export interface TimerSpec {
  fn: string;
  name: string;
  cron: string;
}

/** Schedules every trigger; returns a stop function. `fire` is awaited to skip overlapping runs. */
export function scheduleTimers(specs: TimerSpec[], fire: (spec: TimerSpec) => Promise<void>, log: (line: string) => void, now: () => number = Date.now): () => void {
  const handles = new Set<NodeJS.Timeout>();
  let stopped = false;
  for (const spec of specs) {
    let running = false;
    const arm = (): void => {
      if (stopped) return;
      const at = nextFire(spec.cron, now());
      if (at === null) return;
      // setTimeout's ceiling is about 24.8 days: re-arm on the way for anything further.
      const delay = Math.min(at - now(), 2_000_000_000);
      const handle = setTimeout(() => {
        handles.delete(handle);
        if (at > now() + 5) return arm();
        if (running) log(`[timer] ${spec.fn}.${spec.name}: the previous run is still going, this one is skipped`);
        else {
          running = true;
          void fire(spec).finally(() => {
            running = false;
          });
        }
        arm();
      }, Math.max(0, delay));
      handle.unref();
      handles.add(handle);
    };
    arm();
  }
  return () => {
    stopped = true;
    for (const h of handles) clearTimeout(h);
    handles.clear();
  };
}
