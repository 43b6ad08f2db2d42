// `npm start` leaves a note of where its local cloud listens, so other commands
// (admin:grant, seed) talk to it over HTTP instead of opening its SQLite file behind its back.

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  writeFileSync(NOTE, JSON.stringify(note, null, 2));
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
