// The production wiring of Deps over wx-server-sdk, shared by every function's entry file.
// Module scope holds only the SDK handle and stateless adapters (instances are reused).

import cloud from 'wx-server-sdk';
import type { Database } from './db';
import { consoleLogger, ids, platformClock, type Deps } from './deps';

// DYNAMIC_CURRENT_ENV is a symbol; the SDK's typings only admit strings.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };

// throwOnNotFound:false makes doc(id).get() answer null for a missing document instead of throwing.
const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as Database;

export const platformDeps: Deps = {
  db,
  storage: {
    download: async (fileID) => (await cloud.downloadFile({ fileID })).fileContent as Buffer,
    upload: async (cloudPath, bytes) => (await cloud.uploadFile({ cloudPath, fileContent: bytes })).fileID,
    tempUrl: async (fileID) => {
      const res = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string; status: number }> };
      const item = res.fileList[0];
      if (!item || item.status !== 0) throw new Error(`getTempFileURL failed for ${fileID}`);
      return item.tempFileURL;
    },
    tempUrls: async (fileIDs) => {
      const out = new Map<string, string>();
      const unique = [...new Set(fileIDs)];
      for (let i = 0; i < unique.length; i += 50) {
        const res = (await cloud.getTempFileURL({ fileList: unique.slice(i, i + 50) })) as { fileList: Array<{ fileID: string; tempFileURL: string; status: number }> };
        for (const item of res.fileList) out.set(item.fileID, item.status === 0 ? item.tempFileURL : '');
      }
      return out;
    },
  },
  content: {
    text: async (content, openid) => {
      try {
        const res = (await cloud.openapi.security.msgSecCheck({ content, openid, scene: 2, version: 2 } as never)) as { result?: { suggest?: string } };
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
      const res = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false } as never)) as { buffer: Buffer };
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
        await cloud.openapi.subscribeMessage.send({ touser: openid, templateId, page, data, miniprogramState: state } as never);
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
export const getOpenid = () => cloud.getWXContext().OPENID;
