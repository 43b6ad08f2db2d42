// Rules of the daily quiz (每日答题): the size of a round, which questions a member gets, and when an
// answer came faster than a person reads. Pure functions: the quiz function keeps a member's
// document and its rounds and calls these, so choosing a round never reads the member's history.

import { addDays } from '../time';

/** Questions in one round: short enough for a tea break, the rhythm members know from the national app. */
export const ROUND_SIZE = 5;
/** A question a member saw is kept from them this many days while the pool allows it. */
export const SEEN_WINDOW_DAYS = 30;
/** Question ids in an organisation's pool for one day (chosen the evening before). */
export const POOL_SIZE = 300;
/**
 * Questions remembered per member: 30 days of one scored round plus a few practice rounds. Older
 * entries fall off first, so a member who practises a lot may see a question again within 30 days.
 */
export const RECENT_MAX = 240;
/** Candidates read at a round's start, unseen first: room for questions pinned since the pool was built. */
export const CANDIDATES = 20;
/** Rounds a member may start in one minute; a person needs well over a minute for three rounds. */
export const ROUNDS_PER_MINUTE = 3;

/** One question a member was served, and the Beijing day it was served on. */
export interface Seen {
  q: string;
  d: string;
}

/** Uniform integer in [0, n). */
function pick(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(rand() * n));
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(rand, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The pool's questions in the order a round should try them: first those the member has not seen
 * in the last SEEN_WINDOW_DAYS days (shuffled), then those seen longest ago (when the pool is
 * smaller than a month of rounds). At most `n`.
 */
export function pickCandidates(pool: readonly string[], recent: readonly Seen[], today: string, n: number, rand: () => number): string[] {
  const horizon = addDays(today, -(SEEN_WINDOW_DAYS - 1));
  const lastSeen = new Map<string, string>();
  for (const s of recent) if (s.d >= horizon && (lastSeen.get(s.q) ?? '') < s.d) lastSeen.set(s.q, s.d);
  const unique = [...new Set(pool)];
  const fresh = shuffle(
    unique.filter((q) => !lastSeen.has(q)),
    rand,
  );
  // Seen ones: oldest first, ties in random order.
  const seen = shuffle(
    unique.filter((q) => lastSeen.has(q)),
    rand,
  ).sort((a, b) => ((lastSeen.get(a) as string) < (lastSeen.get(b) as string) ? -1 : (lastSeen.get(a) as string) > (lastSeen.get(b) as string) ? 1 : 0));
  return [...fresh, ...seen].slice(0, Math.max(0, n));
}

/**
 * The member's remembered questions after a round served `qids` today: entries older than the
 * window dropped, the newest RECENT_MAX kept (newest last).
 */
export function rememberSeen(recent: readonly Seen[], qids: readonly string[], today: string): Seen[] {
  const horizon = addDays(today, -(SEEN_WINDOW_DAYS - 1));
  const served = new Set(qids);
  const kept = recent.filter((s) => s.d >= horizon && !served.has(s.q));
  const next = [...kept, ...qids.map((q) => ({ q, d: today }))];
  return next.slice(Math.max(0, next.length - RECENT_MAX));
}

/**
 * The order options are shown in: single and multiple choice shuffled (a shared answer sheet of
 * letters is useless), judge kept as 正确 / 错误, fill without options.
 */
export function optionOrder(type: string, optionCount: number, rand: () => number): number[] {
  const identity = Array.from({ length: optionCount }, (_, i) => i);
  if (type === 'single' || type === 'multiple') return shuffle(identity, rand);
  return type === 'judge' ? identity : [];
}

// ---------------------------------------------------------------------------------------------
// Reading threshold (docs/QUIZ.md, "Too fast to have read it")

/** The least time anyone needs to see a question, decide and tap, however short the question. */
export const READ_BASE_MS = 1_000;
/**
 * Per character of the stem: 40 ms is 25 characters a second, three to five times the silent
 * reading speed of adult readers of Chinese (about 300–500 characters a minute), so only a reader
 * far faster than a person crosses it; a member who knows the question by heart still reads it.
 */
export const READ_MS_PER_CHAR = 40;
/** Long stems are capped: past it a quick reader may skim, and a slow answer is never suspicious. */
export const READ_MAX_MS = 8_000;

/** The time below which an answer is flagged: 1 s plus 40 ms per character of the stem, at most 8 s. */
export function readingThresholdMs(stem: string): number {
  const chars = [...stem.replace(/\s+/g, '')].length;
  return Math.min(READ_MAX_MS, READ_BASE_MS + READ_MS_PER_CHAR * chars);
}

/**
 * Whether an answer came faster than a person reads the question. `servedAt` is stamped by the
 * server when it sent the question; the two network trips in between only make the span longer,
 * so a slow network never makes a member look fast.
 */
export function isTooFast(stem: string, servedAt: number, answeredAt: number): boolean {
  return answeredAt - servedAt < readingThresholdMs(stem);
}
