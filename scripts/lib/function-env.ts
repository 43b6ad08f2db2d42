// The functions' own environment variables on the local cloud (npm start, the tests), as the
// console or `npm run deploy` sets them on the real ones: a template id for every reminder topic
// (TEMPLATE_ID_<TOPIC>), which the local outbox accepts. Without them reminders are not sent
// (functions/lib/reminders.ts). And the web app's address (WEB_APP_URL, on-site codes are URLs
// there): the local cloud's own, since it serves the H5 app too.

import { WEB_APP_URL_VARIABLE } from '../../core/domain/onsiteUrl';
import { REMINDER_TOPICS } from '../../functions/lib/reminders';

export const LOCAL_FUNCTION_ENV: Record<string, string> = Object.fromEntries(REMINDER_TOPICS.map((t) => [`TEMPLATE_ID_${t.toUpperCase()}`, `local-${t}-reminder`]));

/** Everything a deploy sets, for a local cloud listening at `url` (startLocalCloud's functionEnv). */
export function localFunctionEnv(url: string): Record<string, string> {
  return { ...LOCAL_FUNCTION_ENV, [WEB_APP_URL_VARIABLE]: url };
}
