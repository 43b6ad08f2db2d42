// The lint configuration keeps contexts apart: another context's private code cannot be imported
// (only its ports.ts), and a collection can be written only by the context that owns it
// (functions/lib/owners.json). Each case is linted as if it were a file of the event context.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../functions/lib/collections';

const ROOT = path.resolve(__dirname, '..', '..');

interface Message {
  ruleId: string | null;
  message: string;
}

function lint(code: string, file = 'functions/event/actions/probe.ts'): Message[] {
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'eslint'), ['--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(r.stdout) as Array<{ messages: Message[] }>;
  return result.messages;
}

const HEAD =
  "import { COLLECTIONS } from '../../lib/collections';\nimport { insert, updateById, type Database } from '../../lib/db';\nexport const helpers = [insert, updateById];\n";

describe('context boundaries in the lint configuration', () => {
  test('GIVEN an import of another context’s private module THEN lint fails; its ports.ts passes', () => {
    const bad = lint(`import type { PostDoc } from '../../feed/model';\nexport type X = PostDoc;\n`);
    expect(bad.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
    expect(bad[0].message).toContain('ports.ts');
    expect(lint(`import { saveReportDraft } from '../../feed/ports';\nexport const f = saveReportDraft;\n`)).toEqual([]);
  });

  test('GIVEN a write to another context’s collection THEN lint fails, whatever the way of writing', () => {
    const cases = [
      `export const a = (db: Database) => insert(db, COLLECTIONS.posts, { _id: 'x' });`,
      `export const b = (db: Database) => updateById(db, COLLECTIONS.members, 'x', { name: 'y' });`,
      `export const c = (db: Database) => db.collection(COLLECTIONS.checkins).doc('x').set({ data: {} });`,
      `export const d = (db: Database) => db.collection(COLLECTIONS.units).where({ _id: 'x' }).update({ data: {} });`,
    ];
    for (const code of cases) {
      const found = lint(HEAD + code);
      expect(found.map((m) => m.ruleId)).toEqual(['local/collection-owner']);
      expect(found[0].message).toMatch(/belongs to the (feed|org|checkin) context: write it/);
    }
  });

  test('its own collections pass; reading another context’s collection fails too (read through its ports.ts)', () => {
    const own = `export const e = (db: Database) => db.collection(COLLECTIONS.events).doc('x').update({ data: {} });\n`;
    expect(lint(HEAD + own)).toEqual([]);
    const read = lint(HEAD + `export const f = (db: Database) => db.collection(COLLECTIONS.units).where({ _id: 'x' }).get();\n`);
    expect(read.map((m) => m.ruleId)).toEqual(['local/collection-owner']);
    expect(read[0].message).toContain('read it through');
  });

  test('every collection has exactly one owner', () => {
    const owners = JSON.parse(readFileSync(path.join(ROOT, 'functions', 'lib', 'owners.json'), 'utf8')) as Record<string, string[] | string>;
    const owned = Object.entries(owners)
      .filter(([k]) => !k.startsWith('//'))
      .flatMap(([, v]) => v as string[]);
    expect([...owned].sort()).toEqual(Object.values(COLLECTIONS).sort());
  });
});
