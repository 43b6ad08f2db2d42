// State the bench scenarios need, written into the local cloud before they run: a bench branch
// of bound members with a published exam, an event with 100 seats, a page of feed posts, and a
// province-sized organisation for the roll-up reads.

import type { LocalCloud } from '../../localcloud';
import { addDays, beijingDayKey } from '../../core/domain/time';
import type { sdkDatabase } from '../lib/sdk';
import { sdkCloud } from '../lib/sdk';
import { encodePng } from '../../localcloud/png';
import { identityOf } from '../../functions/org/ports';
import type { MemberDoc, UnitDoc } from '../../functions/lib/model';
import { login } from './load';

type Db = ReturnType<typeof sdkDatabase>;

/**
 * A province-sized organisation for the roll-up scenarios: 500 units over 5 levels (root, 4
 * cities, 20 counties, 100 units, 375 branches), 40 members each below the root, and 30 days of
 * per-unit check-in counters. Written directly: the roll-up reads counters, and building this
 * through the actions would take minutes (the counters' agreement with the actions is tested in
 * test/integration/org-rollup.test.ts).
 */
export async function prepareBigOrg(db: Db) {
  const rootId = 'bench-org';
  const now = new Date();
  const units: UnitDoc[] = [];
  const add = (id: string, parent: UnitDoc | null): UnitDoc => {
    const u: UnitDoc = {
      _id: id,
      kind: parent ? 'branch' : 'org',
      name: id,
      parentId: parent?._id ?? null,
      path: parent ? [...parent.path, id] : [id],
      order: 0,
      orgId: rootId,
      inviteCode: null,
      memberCount: parent ? 40 : 0,
      boundCount: parent ? 32 : 0,
      status: 'active',
      closedAt: null,
      // A month old, so the roll-up job computes its closed days.
      createdAt: new Date(now.getTime() - 31 * 86_400_000),
    };
    units.push(u);
    return u;
  };
  const root = add(rootId, null);
  for (let a = 0; a < 4; a++) {
    const city = add(`${rootId}-a${a}`, root);
    for (let b = 0; b < 5; b++) {
      const county = add(`${city._id}b${b}`, city);
      for (let c = 0; c < 5; c++) {
        const unit = add(`${county._id}c${c}`, county);
        for (let d = 0; d < 4 && units.length < 500; d++) add(`${unit._id}d${d}`, unit);
      }
    }
  }
  const toDay = beijingDayKey(Date.now());
  const fromDay = addDays(toDay, -29);
  const daily: Array<Record<string, unknown>> = [];
  for (const u of units.slice(1)) for (let k = 0; k < 30; k++) daily.push({ _id: `${u._id}_${addDays(toDay, -k)}`, unitId: u._id, orgId: rootId, day: addDays(toDay, -k), count: 20 + (k % 7) });
  for (let i = 0; i < units.length; i += 100) await db.collection('units').add({ data: units.slice(i, i + 100) });
  for (let i = 0; i < daily.length; i += 500) await db.collection('checkinDaily').add({ data: daily.slice(i, i + 500) });
  const admin: MemberDoc = {
    _id: 'bench-rollup-admin',
    orgId: rootId,
    unitId: rootId,
    unitPath: [rootId],
    name: '管理员',
    sortKey: '1:guan-li-yuan 管理员',
    phone: null,
    category: 'full',
    role: 'org_admin',
    manages: [],
    leader: false,
    openid: 'bench-rollup-openid',
    boundAt: now,
    source: 'seed',
    createdAt: now,
    updatedAt: now,
  };
  await db.collection('members').add({ data: { ...admin } });
  await db.collection('identities').add({ data: { ...identityOf(admin, 'bench-rollup-openid', now) } });
  return {
    rootId,
    countyId: `${rootId}-a1b2`,
    countyUnits: units.filter((u) => u.path.includes(`${rootId}-a1b2`)).length,
    branchId: `${rootId}-a1b2c3d0`,
    adminOpenid: 'bench-rollup-openid',
    units: units.length,
    members: (units.length - 1) * 40,
    fromDay,
    toDay,
  };
}

/** 30 published posts with a cover each, for the feed page scenario. */
export async function prepareFeed(cloud: LocalCloud): Promise<void> {
  const call = async (action: string, payload: unknown) => {
    const { result } = await cloud.invoke('feed', { action, payload }, { openid: 'demo-admin' });
    const r = result as { ok: boolean; data: { id: string }; message?: string };
    if (!r.ok) throw new Error(`${action}: ${r.message}`);
    return r.data;
  };
  // A post accepts only its author's own upload, made at the path of a ticket the server issued.
  const { cloudPath } = (await call('uploadTicket', { purpose: 'postImage', name: 'bench-cover.png' })) as unknown as { cloudPath: string };
  const sdk = sdkCloud({ env: cloud.sdkEnv() });
  const cover = (await sdk.uploadFile({ cloudPath, fileContent: encodePng(1, 1, 0, Buffer.from([0, 90])) })).fileID;
  for (let i = 0; i < 30; i++) {
    const saved = await call('savePost', { post: { kind: 'report', title: `压测报道${i}`, body: '<p>支部开展主题党日活动，全体党员参加。</p>', cover, tags: ['基层动态'], unitId: null } });
    await call('publishPost', { postId: saved.id });
  }
}

/** A published event for the bench branch: 100 seats, a waitlist, sign-up open now. */
export async function prepareEvent(cloud: LocalCloud): Promise<string> {
  const call = async (action: string, payload: unknown) => {
    const { result } = await cloud.invoke('event', { action, payload }, { openid: 'demo-admin' });
    const r = result as { ok: boolean; data: { id: string }; message?: string };
    if (!r.ok) throw new Error(`${action}: ${r.message}`);
    return r.data;
  };
  const now = Date.now();
  const saved = await call('saveEvent', {
    event: {
      kind: 'lecture_tour',
      title: '压测宣讲',
      place: '礼堂',
      signupOpensAt: now - 60_000,
      signupClosesAt: now + 3_600_000,
      startsAt: now + 7_200_000,
      endsAt: now + 10_800_000,
      capacity: 100,
      waitlist: true,
      unitIds: ['br-office'],
    },
  });
  await call('publishEvent', { eventId: saved.id });
  return saved.id;
}

/**
 * A closed-book exam for a bench branch of `count` bound members (count capped at 1000): the
 * built-in bank, a 20-question drawn paper, every member starting, saving and submitting once.
 */
export async function prepareExam(cloud: LocalCloud, db: Db, requested: number) {
  const count = Math.min(1000, requested);
  const now = new Date();
  const members: string[] = [];
  const docs: Array<Record<string, unknown>> = [];
  const identities: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const id = `bench-member-${i}`;
    members.push(id);
    const member: MemberDoc = {
      _id: id,
      orgId: 'org-demo',
      unitId: 'br-office',
      unitPath: ['org-demo', 'br-office'],
      name: `压测${i}`,
      sortKey: `1:ya-ce ${i}`,
      phone: null,
      category: 'full',
      role: 'member',
      manages: [],
      leader: false,
      openid: `bench-openid-${i}`,
      boundAt: now,
      source: 'seed',
      createdAt: now,
      updatedAt: now,
    };
    docs.push({ ...member });
    identities.push({ ...identityOf(member, `bench-openid-${i}`, now) });
  }
  for (let i = 0; i < count; i += 100) {
    await db.collection('members').add({ data: docs.slice(i, i + 100) });
    await db.collection('identities').add({ data: identities.slice(i, i + 100) });
  }
  const call = async (action: string, payload: unknown) => {
    const { result } = await cloud.invoke('exam', { action, payload }, { openid: 'demo-admin' });
    const r = result as { ok: boolean; data: { id?: string }; message?: string };
    if (!r.ok) throw new Error(`${action}: ${r.message}`);
    return r.data;
  };
  await call('installSeedBank', {});
  const t = Date.now();
  const saved = await call('saveExam', {
    exam: {
      title: '压测闭卷考试',
      unitIds: ['br-office'],
      opensAt: t - 60_000,
      closesAt: t + 3_600_000,
      durationMinutes: 30,
      paper: { mode: 'rules', rules: [{ type: 'single', tag: null, count: 10 }, { type: 'judge', tag: null, count: 6 }, { type: 'multiple', tag: null, count: 4 }] },
      passScore: 20,
    },
  });
  const examId = saved.id as string;
  await call('publishExam', { examId });
  const tokens = await Promise.all(members.map((_, i) => login(cloud.url, { openid: `bench-openid-${i}` })));
  const first = new Map<string, string>();
  return {
    examId,
    members,
    tokens,
    /** After the starts: each member's first question, read server-side, for the save scenario. */
    readPapers: () => {
      for (const doc of cloud.db.find('examAttempts', { examId }) as Array<{ memberId: string; paper: Array<{ qid: string }> }>) first.set(doc.memberId, doc.paper[0].qid);
    },
    firstQid: (m: string) => first.get(m) ?? 'pending',
  };
}
