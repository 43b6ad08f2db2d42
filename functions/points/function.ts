// The points function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/points/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '积分：我的积分、积分规则与变更记录、单位积分',
  runtime: 'Nodejs16.13',
  // Members wait on it (10 s for a cold start); the timer repairs the units' day counters and then
  // computes roll-ups, each for up to 6 s.
  timeoutSeconds: 20,
  memoryMb: 256,
  // Every 10 minutes: a unit's closed days are ready soon after midnight; today is always live.
  triggers: [{ name: 'pointsRollups', cron: '0 */10 * * * * *' }],
  openapi: [],
});
