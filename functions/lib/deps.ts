// What a use case may touch, passed in as an argument (`run(input, ctx)` with ctx.deps) so tests
// and the local cloud wire the same code. Built once per instance: it holds no request state.

import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../core/domain/time';
import type { Database } from './db';

export interface Storage {
  /** Bytes of a file in cloud storage. */
  download(fileID: string): Promise<Buffer>;
  /** Store bytes at a cloud path; the fileID. */
  upload(cloudPath: string, bytes: Buffer): Promise<string>;
  /** A temporary download URL for a fileID. */
  tempUrl(fileID: string): Promise<string>;
  /** Temporary URLs of many fileIDs (batches of at most 50, as getTempFileURL allows); '' for one that failed. */
  tempUrls(fileIDs: string[]): Promise<Map<string, string>>;
}

/** Codes that open a page of the mini-program (wxacode.getUnlimited). */
export interface Codes {
  /** PNG bytes of an unlimited mini-program code; `scene` at most 32 characters. */
  entry(scene: string, page: string): Promise<Buffer>;
}

/** One-time subscribe messages (a member's consent, counted in the database, allows one each). */
export interface Notifier {
  /**
   * Send one subscribe message; false when WeChat refused it (for example, no consent left).
   * `state`: the mini-program version the message opens (developer, trial or formal).
   */
  send(message: { openid: string; templateId: string; page: string; data: Record<string, { value: string }>; state: 'developer' | 'trial' | 'formal' }): Promise<boolean>;
}

export interface Ids {
  /** Random lowercase hex, `bytes` bytes long (default 16 = 32 hex chars, like CloudBase ids). */
  random(bytes?: number): string;
  /** Short stable id derived from a key (deterministic _ids settle duplicates in the database). */
  derive(prefix: string, key: string): string;
}

export interface Logger {
  error(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
}

/** WeChat's content security check (security.msgSecCheck v2); the local cloud uses a word list. */
export interface ContentCheck {
  /** 'pass' shows, 'review' waits for an organiser, 'risky' is refused. */
  text(content: string, openid: string): Promise<'pass' | 'review' | 'risky'>;
}

export interface Deps {
  db: Database;
  storage: Storage;
  clock: Clock;
  ids: Ids;
  log: Logger;
  notify: Notifier;
  codes: Codes;
  content: ContentCheck;
}

export const ids: Ids = {
  random: (bytes = 16) => randomBytes(bytes).toString('hex'),
  derive: (prefix, key) => `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 24)}`,
};

/**
 * The platform clock. WeChat's cloud never sets LOCALCLOUD_TIME_OFFSET_MS; the local cloud sets
 * it per invocation so tests can stand at 23:59:59 Beijing time while the function code is the
 * code that ships. Read on every call because instances are reused.
 */
export const platformClock: Clock = {
  now: () => Date.now() + (Number(process.env.LOCALCLOUD_TIME_OFFSET_MS) || 0),
};

export const consoleLogger: Logger = {
  error: (message, detail) => console.error(`[error] ${message}`, detail ?? ''),
  info: (message, detail) => console.log(`[info] ${message}`, detail ?? ''),
};
