// The quiz function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/quiz/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '每日答题与知识竞赛：答后即见解析、连续天数、排行与防刷',
  runtime: 'Nodejs16.13',
  // The timer prepares pools and roll-ups for up to 20 s; members' calls end in well under a second.
  timeoutSeconds: 30,
  memoryMb: 256,
  // Every 10 minutes: tomorrow's pools from 20:00 Beijing time (cron is Beijing time), roll-ups.
  triggers: [{ name: 'preparePools', cron: '0 */10 * * * * *' }],
  openapi: [],
});
