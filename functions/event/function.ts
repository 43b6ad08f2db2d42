// The event function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/event/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '活动：报名、候补、现场签到、提醒与活动报道',
  runtime: 'Nodejs16.13',
  // Members wait on it: the README's 10 s; the reminder timer sends within that.
  timeoutSeconds: 10,
  memoryMb: 256,
  triggers: [{ name: 'remindUpcoming', cron: '0 */5 * * * * *' }],
  openapi: ['subscribeMessage.send', 'wxacode.getUnlimited'],
  // The web app's origin: the on-site code is a URL there (docs/ONSITE-CHECKIN.md).
  env: ['WEB_APP_URL'],
});
