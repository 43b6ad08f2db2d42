// The org function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/org/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '组织与身份：绑定、名单、组织树、角色与汇总',
  runtime: 'Nodejs16.13',
  // Members wait on it: the README's 10 s (WeChat's default of 3 s is too short for a cold start).
  timeoutSeconds: 10,
  memoryMb: 256,
  triggers: [],
  openapi: ['wxacode.getUnlimited'],
});
