// The web app's transport selection and its calls through @cloudbase/js-sdk, with a stand-in of
// the SDK's app object (src/api/transport.ts): which builds use which way, anonymous sign-in only
// when the browser holds none, the call's name and event, and the answer as the function gave it.

import { callThroughSdk, chooseTransport, ensureAnonymous, WebSignInFailed, type WebSdkApp } from '../../src/api/transport';

interface StandIn extends WebSdkApp {
  signIns: number;
  calls: Array<{ name: string; data: unknown; parse?: boolean }>;
  persistence: Array<string | undefined>;
}

function standIn(opts: { signedIn?: boolean; signInError?: string; result?: unknown } = {}): StandIn {
  let signedIn = opts.signedIn ?? false;
  const app: StandIn = {
    signIns: 0,
    calls: [],
    persistence: [],
    auth: (o) => {
      app.persistence.push(o?.persistence);
      return {
        getLoginState: async () => (signedIn ? { user: { uid: 'anon-1' } } : null),
        signInAnonymously: async () => {
          app.signIns += 1;
          if (opts.signInError) return { data: null, error: { message: opts.signInError } };
          signedIn = true;
          return { data: { user: { id: 'anon-1', is_anonymous: true } }, error: null };
        },
      };
    },
    callFunction: async (o) => {
      app.calls.push(o);
      return { result: opts.result ?? { ok: true, data: { echoed: o.data } } };
    },
  };
  return app;
}

describe('chooseTransport', () => {
  it('takes WeChat in the mini-program, CloudBase for an H5 build with an environment id, else the local cloud', () => {
    expect(chooseTransport({ taroEnv: 'weapp', cloudbaseEnv: 'env-1' })).toBe('weapp');
    expect(chooseTransport({ taroEnv: 'weapp', cloudbaseEnv: undefined })).toBe('weapp');
    expect(chooseTransport({ taroEnv: 'h5', cloudbaseEnv: 'env-1' })).toBe('cloudbase');
    expect(chooseTransport({ taroEnv: 'h5', cloudbaseEnv: '' })).toBe('local');
    expect(chooseTransport({ taroEnv: 'h5', cloudbaseEnv: undefined })).toBe('local');
  });
});

describe('calls through the js-sdk', () => {
  it('signs in anonymously once, keeping the sign-in in the browser, then calls the function with the event', async () => {
    const app = standIn();
    const body = { action: 'redeemWebCode', payload: { code: '12345678' } };
    expect(await callThroughSdk(app, 'org', body)).toEqual({ ok: true, data: { echoed: body } });
    expect(await callThroughSdk(app, 'exam', { action: 'listExams', payload: {} })).toMatchObject({ ok: true });
    expect(app.signIns).toBe(1);
    expect(app.persistence.every((p) => p === 'local')).toBe(true);
    expect(app.calls.map((c) => [c.name, c.data])).toEqual([
      ['org', body],
      ['exam', { action: 'listExams', payload: {} }],
    ]);
  });

  it('does not sign in again when the browser already holds a sign-in', async () => {
    const app = standIn({ signedIn: true });
    await ensureAnonymous(app);
    expect(app.signIns).toBe(0);
  });

  it('parses an answer that comes back as JSON text, passes anything else through', async () => {
    expect(await callThroughSdk(standIn({ result: '{"ok":false,"code":"UNAUTHENTICATED","message":"请先输入网页登录码登录"}' }), 'org', { action: 'getMe', payload: {} })).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: '请先输入网页登录码登录',
    });
    expect(await callThroughSdk(standIn({ result: 'not json' }), 'org', { action: 'getMe', payload: {} })).toBe('not json');
  });

  it('fails plainly when anonymous sign-in is refused (e.g. switched off in the console), calling nothing', async () => {
    const app = standIn({ signInError: 'anonymous login is disabled' });
    await expect(callThroughSdk(app, 'org', { action: 'getMe', payload: {} })).rejects.toBeInstanceOf(WebSignInFailed);
    expect(app.calls).toEqual([]);
  });
});
