// The router's contract, independent of any database: codes for bad events, identity only from
// the platform, internal errors never leaked.
import { z } from 'zod';
import { createRouter } from '../../functions/lib/router';
import { conflict } from '../../functions/lib/errors';
import type { Deps } from '../../functions/lib/deps';

const logged: unknown[] = [];
const deps = {
  log: { error: (m: string, d?: unknown) => logged.push([m, d]), info: () => undefined },
} as unknown as Deps;

const schemas = {
  echo: z.object({ n: z.number().int().min(1) }).strict(),
  whoami: z.object({}).strict(),
  boom: z.object({}).strict(),
  taken: z.object({}).strict(),
};
type R = { echo: { n: number }; whoami: { openid: string }; boom: never; taken: never };

function router(openid: string | undefined) {
  return createRouter<typeof schemas, R>(
    'test',
    schemas,
    {
      echo: async (input) => ({ n: input.n }),
      whoami: async (_i, ctx) => ({ openid: ctx.openid }),
      boom: async () => {
        throw new Error('secret stack detail');
      },
      taken: async () => {
        throw conflict('已被占用');
      },
    },
    { getOpenid: () => openid, deps },
  );
}

describe('function router', () => {
  const main = router('o-caller');

  it('answers ok with data for a valid call', async () => {
    expect(await main({ action: 'echo', payload: { n: 3 } })).toEqual({ ok: true, data: { n: 3 } });
  });

  it('an unknown or missing action is INVALID_ARGUMENT naming the action, never undefined', async () => {
    expect(await main({ action: 'dropTables', payload: {} })).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message: '字段 action：未知的操作 dropTables' });
    expect(await main({})).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await main(null)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await main({ action: 'toString' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('a payload that does not fit is INVALID_ARGUMENT naming the field', async () => {
    const r = await main({ action: 'echo', payload: { n: 'x' } });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect((r as { message: string }).message).toMatch(/^字段 n：/);
    expect(await main({ action: 'echo', payload: { n: 0 } })).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('an extra field in the payload (for example a claimed openid) is refused, not used', async () => {
    expect(await main({ action: 'whoami', payload: { openid: 'o-victim' } })).toEqual({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: '不支持的字段：openid',
    });
  });

  it('identity comes from the platform; event-level claims are ignored', async () => {
    const r = await main({ action: 'whoami', payload: {}, openid: 'o-victim', userInfo: { openId: 'o-victim' } });
    expect(r).toEqual({ ok: true, data: { openid: 'o-caller' } });
  });

  it('no platform identity is UNAUTHENTICATED', async () => {
    expect(await router(undefined)({ action: 'whoami', payload: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('a use-case error keeps its code; an unexpected error is INTERNAL, logged, and not leaked', async () => {
    expect(await main({ action: 'taken', payload: {} })).toEqual({ ok: false, code: 'CONFLICT', message: '已被占用' });
    const r = await main({ action: 'boom', payload: {} });
    expect(r).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(JSON.stringify(logged)).toContain('secret stack detail');
  });
});
