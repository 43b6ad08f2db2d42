// The console function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/console/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '工作台：单位及下级的参学统计、未参加名单与提醒',
  runtime: 'Nodejs16.13',
  // Organisers wait on it: reads of roll-ups only, well under a second warm (10 s for a cold start).
  timeoutSeconds: 20,
  memoryMb: 256,
  triggers: [],
  openapi: [],
});
