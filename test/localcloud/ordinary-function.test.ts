// An ordinary cloud function, written as public WeChat projects write them (fixtures/functions/
// signup-legacy: wx-server-sdk 2.1.2 of its own, installed by the repository's postinstall;
// modules required by bare paths; database.aggregate; a count-then-insert capacity check), runs on
// the local cloud unchanged — and its race shows, as it would in WeChat.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalCloud } from '../../localcloud';
import { FIXTURES, startTestCloud } from './helpers';

let cloud: LocalCloud;
const FN = 'signup-legacy';

beforeAll(async () => {
  cloud = await startTestCloud({ maxInstancesPerFunction: 16 });
  cloud.db.createCollection('activities');
  cloud.db.createCollection('signups');
});

afterAll(async () => {
  await cloud.close();
});

const signUp = (activityId: string, openid: string) => cloud.invoke(FN, { $url: 'signup', activityId }, { openid });

test('the fixture brings its own wx-server-sdk 2.x (installed by npm install), not the repository’s 4.x', () => {
  const own = join(FIXTURES, FN, 'node_modules', 'wx-server-sdk', 'package.json');
  expect(existsSync(own)).toBe(true);
  expect((require(own) as { version: string }).version).toBe('2.1.2');
});

test('it runs unchanged: bare-path modules, its old SDK reaching the local cloud, database.aggregate counted as a read', async () => {
  cloud.db.insert('activities', { _id: 'a-plain', capacity: 5 });
  await expect(signUp('a-plain', 'o-first')).resolves.toMatchObject({ result: { code: 0, msg: 'ok' } });
  await expect(signUp('a-plain', 'o-first')).resolves.toMatchObject({ result: { code: 1, msg: '您已报名' } });
  const { result, stats } = await cloud.invoke(FN, { $url: 'stats' }, { openid: 'o-first' });
  expect(result).toEqual({ code: 0, msg: 'ok', data: [{ _id: 'a-plain', count: 1 }] });
  expect(stats.ops).toEqual([{ action: 'database.aggregate', collection: 'signups' }]);
  expect(stats.reads).toBe(1);
  await expect(cloud.invoke(FN, { $url: 'nope' }, { openid: 'o-first' })).resolves.toMatchObject({ result: { code: 404 } });
});

test('with every caller past its count before any insert, its count-then-insert overbooks: the local cloud shows the race', async () => {
  cloud.db.insert('activities', { _id: 'a-race', capacity: 5 });
  // As many callers as the function has instances: each is held in its own instance at the barrier.
  const callers = 16;
  const barrier = cloud.barrier({ action: 'database.insertDocument', collection: 'signups', parties: callers });
  const answers = await Promise.all(Array.from({ length: callers }, (_, i) => signUp('a-race', `o-crowd-${i}`)));
  await expect(barrier.tripped).resolves.toBe(callers);
  expect(answers.every((a) => (a.result as { code: number }).code === 0)).toBe(true);
  // 16 registrations for 5 seats: the check passed for everyone because nobody had inserted yet.
  expect(cloud.db.count('signups', { activityId: 'a-race' })).toBe(callers);
}, 30_000);

test('one member tapping 16 times at once gets 16 registrations from it', async () => {
  cloud.db.insert('activities', { _id: 'a-taps', capacity: 100 });
  const barrier = cloud.barrier({ action: 'database.insertDocument', collection: 'signups', parties: 16 });
  await Promise.all(Array.from({ length: 16 }, () => signUp('a-taps', 'o-tapper')));
  await expect(barrier.tripped).resolves.toBe(16);
  expect(cloud.db.count('signups', { activityId: 'a-taps', openid: 'o-tapper' })).toBe(16);
}, 30_000);
