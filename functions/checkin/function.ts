// The checkin function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/checkin/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '学习打卡：打卡、补卡、打卡挑战、提醒与完成情况',
  runtime: 'Nodejs16.13',
  // The timer sends reminders for up to 30 s, repairs daily counters and then computes roll-ups for
  // up to 6 s each (README: 60 s);
  // members' calls end in well under a second whatever the limit.
  timeoutSeconds: 60,
  memoryMb: 256,
  triggers: [{ name: 'dailyReminders', cron: '0 */5 * * * * *' }],
  openapi: ['subscribeMessage.send'],
});
