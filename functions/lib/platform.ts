// The production wiring of Deps over wx-server-sdk, shared by every function's entry file.
// Module scope holds only the SDK handle and stateless adapters (instances are reused).
//
// Cold start (docs/COLD-START.md): loading the bundle does not call the SDK. cloud.init() runs on
// the instance's first use of the SDK — the first read of the caller, of `deps.db`, or of any other
// port — so it still comes before every SDK call (client actions, timer triggers, jobs other
// contexts start), once per instance.

import cloud from 'wx-server-sdk';
import type { Database } from './db';
import { consoleLogger, ids, platformClock, type Deps } from './deps';

let initialised = false;
let database: Database | undefined;

/** wx-server-sdk, initialised for the current environment on first use. Every SDK call goes through here. */
export function sdk(): typeof cloud {
  if (!initialised) {
    // DYNAMIC_CURRENT_ENV is a symbol; the SDK's typings only admit strings.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud;
}

/** The database handle, made on first use (after cloud.init()) and kept for the instance's life. */
function db(): Database {
  // throwOnNotFound:false makes doc(id).get() answer null for a missing document instead of throwing.
  database ??= sdk().database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as Database;
  return database;
}

export const platformDeps: Deps = {
  get db() {
    return db();
  },
  storage: {
    download: async (fileID) => (await sdk().downloadFile({ fileID })).fileContent as Buffer,
    upload: async (cloudPath, bytes) => (await sdk().uploadFile({ cloudPath, fileContent: bytes })).fileID,
    tempUrl: async (fileID) => {
      const res = (await sdk().getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string; status: number }> };
      const item = res.fileList[0];
      if (!item || item.status !== 0) throw new Error(`getTempFileURL failed for ${fileID}`);
      return item.tempFileURL;
    },
    tempUrls: async (fileIDs) => {
      const out = new Map<string, string>();
      const unique = [...new Set(fileIDs)];
      for (let i = 0; i < unique.length; i += 50) {
        const res = (await sdk().getTempFileURL({ fileList: unique.slice(i, i + 50) })) as { fileList: Array<{ fileID: string; tempFileURL: string; status: number }> };
        for (const item of res.fileList) out.set(item.fileID, item.status === 0 ? item.tempFileURL : '');
      }
      return out;
    },
  },
  content: {
    text: async (content, openid) => {
      try {
        const res = (await sdk().openapi.security.msgSecCheck({ content, openid, scene: 2, version: 2 } as never)) as { result?: { suggest?: string } };
        const suggest = res.result?.suggest;
        return suggest === 'pass' ? 'pass' : suggest === 'risky' ? 'risky' : 'review';
      } catch (err) {
        // 87014 (v1 wording) is risky content; anything else: hold it for a person to look at.
        if ((err as { errCode?: number }).errCode === 87014) return 'risky';
        consoleLogger.error('security.msgSecCheck failed', err instanceof Error ? err.message : err);
        return 'review';
      }
    },
  },
  codes: {
    entry: async (scene, page) => {
      const res = (await sdk().openapi.wxacode.getUnlimited({ scene, page, checkPath: false } as never)) as { buffer: Buffer };
      return res.buffer;
    },
  },
  clock: platformClock,
  ids,
  log: consoleLogger,
  notify: {
    send: async ({ openid, templateId, page, data, state }) => {
      try {
        // The version the member granted the credit from (reminders.ts), not the build's.
        await sdk().openapi.subscribeMessage.send({ touser: openid, templateId, page, data, miniprogramState: state } as never);
        return true;
      } catch (err) {
        // 43101: the user has no consent left (or refused); anything else is logged.
        const code = (err as { errCode?: number }).errCode;
        if (code !== 43101) consoleLogger.error('subscribeMessage.send failed', err instanceof Error ? err.message : err);
        return false;
      }
    },
  },
};

/** The caller's openid for this invocation (empty for timer triggers). */
export const getOpenid = () => sdk().getWXContext().OPENID;
