// A real dataDir keeps documents, files and the openapi trace across a restart.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSdk, startTestCloud } from './helpers';

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'localcloud-data-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

test('documents, natural order, files and openapi calls survive a restart of the local cloud', async () => {
  const first = await startTestCloud({ dataDir });
  first.db.createCollection('notes');
  await runSdk(
    first,
    `await db.collection('notes').add({ data: [{ _id: 'n2', t: 'second', at: new Date(5) }, { _id: 'n1', t: 'first' }] });
     await db.collection('notes').doc('n2').update({ data: { t: 'second!' } });
     return null;`,
  );
  const upload = await fetch(`${first.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid: 'o-p' }) });
  const { data } = (await upload.json()) as { data: { token: string } };
  const ticketPath = `uploads/sheet/${'c'.repeat(32)}-${'d'.repeat(32)}/keep.csv`;
  const stored = await fetch(`${first.url}/api/upload?path=${encodeURIComponent(ticketPath)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${data.token}` },
    body: Buffer.from('kept'),
  });
  const { data: file } = (await stored.json()) as { data: { fileID: string } };
  await first.invoke('openapi', { call: 'msgSecCheck', content: 'hi' }, { openid: 'o-p' });
  await first.close();
  expect(existsSync(join(dataDir, 'cloud.sqlite'))).toBe(true);

  const second = await startTestCloud({ dataDir });
  try {
    expect(second.db.listCollections()).toContain('notes');
    // Natural order is insertion order, and an update keeps a document's place.
    expect(second.db.find('notes').map((d) => d.t)).toEqual(['second!', 'first']);
    expect((second.db.get('notes', 'n2') as { at: Date }).at).toEqual(new Date(5));
    const res = await runSdk<{ text: string }>(
      second,
      `const down = await cloud.downloadFile({ fileID: args.fileID }); return { text: down.fileContent.toString('utf8') };`,
      { fileID: file.fileID },
    );
    expect(res.text).toBe('kept');
  } finally {
    await second.close();
  }
  const sqlite = new Database(join(dataDir, 'cloud.sqlite'), { readonly: true });
  try {
    const rows = sqlite.prepare('SELECT api, openid FROM openapi_calls').all();
    expect(rows).toEqual([{ api: 'security.msgSecCheck', openid: 'o-p' }]);
  } finally {
    sqlite.close();
  }
});
