// How the local host serves stored files: a temporary URL reveals nothing of the file's path (an
// upload path carries the uploader's openid), and a file is served as what its bytes are, never as
// a page of the app's origin.
import type { LocalCloud } from '../../localcloud';
import { sdkCloud } from '../../scripts/lib/sdk';
import { startTestCloud } from './helpers';

let cloud: LocalCloud;
let sdk: ReturnType<typeof sdkCloud>;

beforeAll(async () => {
  cloud = await startTestCloud();
  sdk = sdkCloud({ env: cloud.sdkEnv() });
});

afterAll(async () => {
  await cloud.close();
});

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function urlOf(cloudPath: string, bytes: Buffer): Promise<string> {
  const { fileID } = await sdk.uploadFile({ cloudPath, fileContent: bytes });
  const res = (await sdk.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return res.fileList[0].tempFileURL;
}

test('a temporary URL does not reveal the file’s path, so not the uploader’s openid either', async () => {
  const url = await urlOf('uploads/o-secret-openid-7/photo.png', Buffer.concat([PNG_MAGIC, Buffer.alloc(32)]));
  const token = url.slice(url.lastIndexOf('/') + 1);
  const readable = [token, ...token.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))];
  for (const text of readable) {
    expect(text).not.toContain('o-secret-openid-7');
    expect(text).not.toContain('uploads/');
  }
  const res = await fetch(url);
  expect(res.status).toBe(200);
});

test('a file is served as the type its bytes say, with nosniff; anything but an image only as a download', async () => {
  // PNG magic followed by a script, named .html: served as a PNG, never as a page.
  const polyglot = Buffer.concat([PNG_MAGIC, Buffer.from('<html><script>alert(document.domain)</script></html>')]);
  const asImage = await fetch(await urlOf('uploads/o-1/evil.html', polyglot));
  expect(asImage.headers.get('content-type')).toBe('image/png');
  expect(asImage.headers.get('x-content-type-options')).toBe('nosniff');
  expect(asImage.headers.get('content-disposition')).toBeNull();

  const page = await fetch(await urlOf('uploads/o-1/page.html', Buffer.from('<html><script>alert(1)</script></html>')));
  expect(page.headers.get('content-type')).toBe('application/octet-stream');
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect(page.headers.get('content-disposition')).toMatch(/^attachment/);

  // An export keeps its own type, as a download.
  const sheet = await fetch(await urlOf('exports/o-1/名单.xlsx', Buffer.from('PK\x03\x04 not really a sheet', 'latin1')));
  expect(sheet.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  // Without a name of its own: the page offering the download names it.
  expect(sheet.headers.get('content-disposition')).toBe('attachment');
});
