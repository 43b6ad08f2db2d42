// The lint configuration keeps contexts apart: another context's private code cannot be imported
// (only its ports.ts), and a collection can be written only by the context that owns it
// (functions/lib/owners.json); on the client, subpackages and tab sections stay apart. Each case
// is linted as if it were a file at the path given (by default one of the event function's).
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

  test('GIVEN a subpackage importing another subpackage’s code, or the main package any subpackage’s THEN lint fails', () => {
    const cross = lint(`import { formatWindow } from '../exam-admin/components/format';\nexport const f = formatWindow;\n`, 'src/subpackages/exam/probe.ts');
    expect(cross.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
    expect(cross[0].message).toContain('another subpackage');
    expect(lint(`import { formatWindow } from './components/format';\nexport const f = formatWindow;\n`, 'src/subpackages/exam-admin/probe.ts')).toEqual([]);
    const main = lint(`import { formatWindow } from '@/subpackages/exam-admin/components/format';\nexport const f = formatWindow;\n`, 'src/pages/answer/probe.ts');
    expect(main.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
    expect(main[0].message).toContain('main package');
  });

  test('GIVEN a tab section importing another context’s section THEN lint fails; shared components pass', () => {
    const other = lint(`import HomeFeed from '@/sections/feed/HomeFeed';\nexport const f = HomeFeed;\n`, 'src/sections/checkin/probe.ts');
    expect(other.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
    expect(other[0].message).toContain('belongs to its context');
    expect(lint(`import Card from '@/components/Card';\nexport const f = Card;\n`, 'src/sections/checkin/probe.ts')).toEqual([]);
  });

  test('every collection has exactly one owner', () => {
    const owners = JSON.parse(readFileSync(path.join(ROOT, 'functions', 'lib', 'owners.json'), 'utf8')) as Record<string, string[] | string>;
    const owned = Object.entries(owners)
      .filter(([k]) => !k.startsWith('//'))
      .flatMap(([, v]) => v as string[]);
    expect([...owned].sort()).toEqual(Object.values(COLLECTIONS).sort());
  });
});
