// `npm start` leaves a note of where its local cloud listens, so other commands
// (admin:grant, seed) talk to it over HTTP instead of opening its SQLite file behind its back.

import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DATA_DIR = path.join(ROOT, '.data');
const NOTE = path.join(DATA_DIR, 'running.json');

export interface RunningNote {
  pid: number;
  url: string;
  sdkEnv: Record<string, string>;
}

export function writeRunningNote(note: RunningNote): void {
  // The note carries the run's SDK credentials (the keys to /admin): readable by its owner only.
  // chmod as well, as `mode` applies only when the file is created.
  writeFileSync(NOTE, JSON.stringify(note, null, 2), { mode: 0o600 });
  chmodSync(NOTE, 0o600);
}

export function clearRunningNote(): void {
  rmSync(NOTE, { force: true });
}

/** The running local cloud, if its process is alive. */
export function readRunningNote(): RunningNote | null {
  if (!existsSync(NOTE)) return null;
  try {
    const note = JSON.parse(readFileSync(NOTE, 'utf8')) as RunningNote;
    process.kill(note.pid, 0);
    return note;
  } catch {
    return null;
  }
}
