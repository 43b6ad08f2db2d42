// Storage (uploadFile → getTempFileURL → downloadFile → deleteFile) and OpenAPI calls, both through
// the real SDK inside a function.
import type { LocalCloud } from '../../localcloud';
import { Captured, startTestCloud } from './helpers';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ blockedWords: ['违禁词', '赌博'] });
});

afterAll(async () => {
  await cloud.close();
});

test('uploadFile → getTempFileURL → downloadFile → deleteFile → download fails, like CloudBase storage', async () => {
  const { result } = await cloud.invoke('storage', { text: '学习强国 hello', path: 'docs/a b.txt' }, { openid: 'o-st' });
  const res = result as Record<string, unknown>;
  expect(res.fileID).toBe('cloud://local-dev.local-bucket/docs/a b.txt');
  expect(res.uploadErrMsg).toBe('uploadFile:ok');
  expect(res.urls).toEqual([
    { fileID: 'cloud://local-dev.local-bucket/docs/a b.txt', status: 0, hasUrl: true, maxAge: 86400 },
    // A missing file is a per-item error (-503003), not a failure of the whole call.
    { fileID: 'cloud://local-dev.local-bucket/missing.txt', status: -503003, hasUrl: false },
  ]);
  expect(res.viaUrl).toBe('学习强国 hello');
  expect(res.downloaded).toBe('学习强国 hello');
  expect(res.deleted).toEqual([{ status: 0 }]);
  expect(res.again).toMatchObject({ ok: false, code: 'STORAGE_FILE_NONEXIST' });
  expect(res.afterDeleteStatus).toBe(404);
});

test('an unknown download URL answers 404', async () => {
  const res = await fetch(`${cloud.url}/storage/download/not-a-token`);
  expect(res.status).toBe(404);
});

describe('openapi', () => {
  const call = async (event: Record<string, unknown>, openid = 'o-api'): Promise<Captured> =>
    (await cloud.invoke('openapi', event, { openid })).result as Captured;

  test('security.msgSecCheck passes clean text and rejects a blocked word with 87014', async () => {
    expect(await call({ call: 'msgSecCheck', content: '今天学习了' })).toEqual({
      ok: true,
      value: { errMsg: 'openapi.security.msgSecCheck:ok', errCode: 0 },
    });
    expect(await call({ call: 'msgSecCheck', content: '这里有违禁词' })).toEqual({
      ok: false,
      errCode: 87014,
      errMsg: 'openapi.security.msgSecCheck:fail risky content',
    });
  });

  test('security.msgSecCheck v2 answers suggest/label with a trace id', async () => {
    const risky = await call({ call: 'msgSecCheckV2', content: '赌博' });
    expect(risky.ok).toBe(true);
    expect(risky.value).toMatchObject({ result: { suggest: 'risky', label: 20006 }, traceId: expect.any(String), errCode: 0 });
    const clean = await call({ call: 'msgSecCheckV2', content: '你好' });
    expect(clean.value).toMatchObject({ result: { suggest: 'pass', label: 100 } });
  });

  test('subscribeMessage.send returns a msgid and is recorded with its caller', async () => {
    const res = await call({ call: 'send', touser: 'o-member' }, 'o-organiser');
    expect(res.value).toMatchObject({ msgid: expect.any(Number), errCode: 0 });
    const sent = cloud.openapiCalls().filter((c) => c.api === 'subscribeMessage.send');
    expect(sent[sent.length - 1]).toMatchObject({
      api: 'subscribeMessage.send',
      openid: 'o-organiser',
      params: { touser: 'o-member', template_id: 'TPL-1', page: 'pages/index/index', data: { thing1: { value: '支部活动' } } },
      at: expect.any(Number),
    });
  });

  test('subscribeMessage.send without touser fails with 43101', async () => {
    expect(await call({ call: 'send' })).toMatchObject({ ok: false, errCode: 43101 });
  });

  test('wxacode.getUnlimited returns a PNG; a scene over 32 characters fails with 40169', async () => {
    expect(await call({ call: 'getUnlimited', scene: 'e=abc123' })).toEqual({
      ok: true,
      value: { contentType: 'image/png', size: expect.any(Number), head: '89504e470d0a1a0a' },
    });
    const long = await call({ call: 'getUnlimited', scene: 'x'.repeat(33) });
    expect(long).toMatchObject({ ok: false, errCode: 40169 });
    expect(long.errMsg).toContain('invalid length for scene');
  });

  test('an API the function did not declare in its config.json fails with -604101, as in WeChat', async () => {
    expect(await call({ call: 'undeclared' })).toEqual({ ok: false, errCode: -604101, errMsg: 'system error: error code: -604101' });
    expect(cloud.openapiCalls().filter((c) => c.api === 'security.imgSecCheck')).toEqual([]);
  });

  test('an API the local cloud does not implement fails with -604100', async () => {
    expect(await call({ call: 'unknown' })).toEqual({ ok: false, errCode: -604100, errMsg: 'system error: error code: -604100' });
  });
});
