// An event that cannot travel as the platform's JSON (nested deeper than 512 levels) is refused
// before any instance sees it, instead of overflowing the stack while it is copied to a worker
// (found by the payload fuzzing: a 10,000-deep payload failed the invocation).
import { InvocationError, MAX_EVENT_DEPTH } from '../../localcloud';
import { startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
}, 60_000);

afterAll(async () => {
  await t.close();
});

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('an event too deep for the platform', () => {
  it('is refused as invalid_event, and no function runs', async () => {
    const before = t.cloud.functionCounts().feed?.invocations ?? 0;
    const call = t.cloud.invoke('feed', { action: 'getPost', payload: { postId: nested(10_000) } }, { openid: 'demo-member' });
    await expect(call).rejects.toBeInstanceOf(InvocationError);
    await expect(call).rejects.toMatchObject({ kind: 'invalid_event' });
    expect(t.cloud.functionCounts().feed?.invocations ?? 0).toBe(before);
  });

  it('one level within the limit still reaches the function, whose router refuses it in words', async () => {
    const r = await t.cloud.invoke('feed', { action: 'getPost', payload: { postId: nested(MAX_EVENT_DEPTH - 4) } }, { openid: 'demo-member' });
    expect(r.result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});
