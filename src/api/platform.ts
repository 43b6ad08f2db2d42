// WeChat platform calls the exam and other pages need, behind plain functions (rule 10): asking
// for subscribe-message consent, opening a downloaded file, and hiding the screen from capture
// during an exam. Each has an H5 counterpart so the browser build behaves sensibly.
import Taro from '@tarojs/taro';
import { call } from './call';
import { IS_H5 } from './env';

export type ReminderTopic = 'exam' | 'checkin' | 'event' | 'campaign';

/** Template ids are assigned in the mini-program console; set them in .env.production. */
const TEMPLATE_IDS: Record<ReminderTopic, string> = {
  exam: process.env.TARO_APP_TEMPLATE_EXAM ?? '',
  checkin: process.env.TARO_APP_TEMPLATE_CHECKIN ?? '',
  event: process.env.TARO_APP_TEMPLATE_EVENT ?? '',
  campaign: process.env.TARO_APP_TEMPLATE_CAMPAIGN ?? '',
};

/**
 * Ask for one reminder per topic at a natural moment (after a tap: WeChat requires a user
 * gesture). Accepted topics are counted on the server. Returns the topics accepted. On H5 (the
 * local cloud) consent is assumed, so the reminder flow can be tried end to end.
 */
export async function askReminders(topics: ReminderTopic[]): Promise<ReminderTopic[]> {
  let accepted: ReminderTopic[] = [];
  if (IS_H5) {
    accepted = topics;
  } else {
    const withIds = topics.filter((t) => TEMPLATE_IDS[t] !== '');
    if (withIds.length === 0) return [];
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: withIds.map((t) => TEMPLATE_IDS[t]) } as never)) as unknown as Record<string, string>;
      accepted = withIds.filter((t) => res[TEMPLATE_IDS[t]] === 'accept');
    } catch {
      return [];
    }
  }
  if (accepted.length > 0) await call('org', 'grantReminders', { topics: accepted, ...runningVersion() });
  return accepted;
}

/**
 * The running mini-program's version (develop, trial or release): reminders sent on this consent
 * open the same version. None on H5, or where the base library cannot tell (a release then).
 */
function runningVersion(): { envVersion?: 'develop' | 'trial' | 'release' } {
  if (IS_H5) return {};
  try {
    const v = (Taro.getAccountInfoSync() as { miniProgram?: { envVersion?: string } }).miniProgram?.envVersion;
    return v === 'develop' || v === 'trial' || v === 'release' ? { envVersion: v } : {};
  } catch {
    return {};
  }
}

/** Open an exported file: download and preview on WeChat (share or save from there); a download in the browser. */
export async function openFile(url: string, fileName: string): Promise<void> {
  if (IS_H5) {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const res = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true } as never);
}

/** Copy text (the 缺考 list for a group chat) and say so. */
export async function copyText(text: string): Promise<void> {
  await Taro.setClipboardData({ data: text });
}

/**
 * During an exam: hide the page from screenshots and recordings where WeChat allows it
 * (setVisualEffectOnCapture, Android). Elsewhere it does nothing.
 */
export function protectFromCapture(on: boolean): void {
  if (IS_H5) return;
  const wxApi = (globalThis as unknown as { wx?: { setVisualEffectOnCapture?: (o: { visualEffect: string; fail?: () => void }) => void } }).wx;
  wxApi?.setVisualEffectOnCapture?.({ visualEffect: on ? 'hidden' : 'none', fail: () => undefined });
}
