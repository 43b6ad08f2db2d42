// The functions' own environment variables on the local cloud (npm start, the tests), as the
// console or `npm run deploy` sets them on the real ones: a template id for every reminder topic
// (TEMPLATE_ID_<TOPIC>), which the local outbox accepts. Without them reminders are not sent
// (functions/lib/reminders.ts).

import { REMINDER_TOPICS } from '../../functions/lib/reminders';

export const LOCAL_FUNCTION_ENV: Record<string, string> = Object.fromEntries(REMINDER_TOPICS.map((t) => [`TEMPLATE_ID_${t.toUpperCase()}`, `local-${t}-reminder`]));
