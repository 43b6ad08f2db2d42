// The web app's upload on a CloudBase environment (src/api/transport.ts, used by src/api/upload.ts
// after the uploadTicket call), with a stand-in of @cloudbase/js-sdk's app object: the file goes to
// the ticket's path, the File itself is handed to the SDK, the SDK's fileID comes back, and every
// failure is the app's one network error.

import { ApiError, NETWORK_MESSAGE } from '../../src/api/errors';
import { uploadThroughSdk, type WebSdkApp, type WebSdkStorage } from '../../src/api/transport';

type Uploaded = { cloudPath: string; filePath: Blob };

interface StandIn extends WebSdkApp, WebSdkStorage {
  signIns: number;
  uploads: Uploaded[];
}

function standIn(opts: { signedIn?: boolean; signInError?: string; answer?: (p: Uploaded) => Promise<{ fileID?: unknown }> } = {}): StandIn {
  let signedIn = opts.signedIn ?? true;
  const app: StandIn = {
    signIns: 0,
    uploads: [],
    auth: () => ({
      getLoginState: async () => (signedIn ? { user: { uid: 'anon-1' } } : null),
      signInAnonymously: async () => {
        app.signIns += 1;
        if (opts.signInError) return { data: null, error: { message: opts.signInError } };
        signedIn = true;
        return { data: { user: { id: 'anon-1', is_anonymous: true } }, error: null };
      },
    }),
    callFunction: async () => ({ result: { ok: true, data: null } }),
    uploadFile: async (p) => {
      app.uploads.push(p);
      return opts.answer ? opts.answer(p) : { fileID: `cloud://env-1.6465-env-1-1300000000/${p.cloudPath}`, requestId: 'req-1' };
    },
  };
  return app;
}

// A path as org.uploadTicket hands it out (functions/lib/uploads.ts).
const TICKET = { cloudPath: `uploads/sheet/${'a'.repeat(32)}-${'b'.repeat(32)}/roster.xlsx` };

function sheet(): File {
  return new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], '名单.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function networkFailure(p: Promise<unknown>): Promise<void> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ code: 'NETWORK', message: NETWORK_MESSAGE });
}

describe('uploads through the js-sdk', () => {
  it('puts the File itself at the ticket’s path and answers the SDK’s fileID', async () => {
    const app = standIn();
    const file = sheet();
    const fileID = await uploadThroughSdk(app, TICKET, file);
    expect(fileID).toBe(`cloud://env-1.6465-env-1-1300000000/${TICKET.cloudPath}`);
    expect(app.uploads).toHaveLength(1);
    expect(app.uploads[0].cloudPath).toBe(TICKET.cloudPath);
    expect(app.uploads[0].filePath).toBe(file);
    expect(app.signIns).toBe(0);
  });

  it('signs in anonymously first when the browser holds no sign-in', async () => {
    const app = standIn({ signedIn: false });
    await uploadThroughSdk(app, TICKET, sheet());
    expect(app.signIns).toBe(1);
    expect(app.uploads).toHaveLength(1);
  });

  it('turns the SDK’s refusal (a storage rule, the network) into the network error', async () => {
    await networkFailure(
      uploadThroughSdk(
        standIn({
          answer: async () => {
            throw new Error('[storage.uploadFile]: [STORAGE_REQUEST_FAIL] permission denied');
          },
        }),
        TICKET,
        sheet(),
      ),
    );
  });

  it('turns an answer without a fileID into the network error', async () => {
    await networkFailure(uploadThroughSdk(standIn({ answer: async () => ({}) }), TICKET, sheet()));
    await networkFailure(uploadThroughSdk(standIn({ answer: async () => ({ fileID: '' }) }), TICKET, sheet()));
    await networkFailure(uploadThroughSdk(standIn({ answer: async () => ({ fileID: 42 }) }), TICKET, sheet()));
  });

  it('uploads nothing when anonymous sign-in is refused, and says network error', async () => {
    const app = standIn({ signedIn: false, signInError: 'anonymous login is disabled' });
    await networkFailure(uploadThroughSdk(app, TICKET, sheet()));
    expect(app.uploads).toEqual([]);
  });
});
