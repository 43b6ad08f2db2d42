// Generated files sit at unguessable paths (issue 14 follow-up): an invite card, an event's entry
// code and the question import template are stored as `<kind>/<128 random bits>/<name>`, so a path
// tells no invite code, unit, event or organisation, and nobody can fetch a card by guessing it.
// A card is made once for its code and kept (the unit notes its file and code); a new invite code
// makes a new card.
import type { EventAdminView, EventDraft, EventResponses } from '../../core/contracts/event';
import type { ExamResponses } from '../../core/contracts/exam';
import type { OrgResponses } from '../../core/contracts/org';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

const ADMIN = 'demo-admin';
const HOUR = 3_600_000;
let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

/** The path inside the bucket of a `cloud://<env>.<bucket>/<path>` fileID. */
const pathOf = (fileID: string) => fileID.replace(/^cloud:\/\/[^/]+\//, '');
const RANDOM_DIR = /^[0-9a-f]{32}$/;
const download = async (fileID: string) => (await t.sdk.downloadFile({ fileID })).fileContent as Buffer;
const codeCalls = () => t.cloud.openapiCalls().filter((c) => c.api === 'wxacode.getUnlimited').length;
const cardOf = (unitId: string) => (t.cloud.db.get(COLLECTIONS.units, unitId) as { inviteCard?: { fileID: string; inviteCode: string } }).inviteCard;

describe('invite cards', () => {
  it('sit at a random path without the invite code or unit, one per unit, made once per code', async () => {
    const office = dataOf(await t.call<OrgResponses['inviteCard']>(ADMIN, 'org', 'inviteCard', { unitId: 'br-office' }));
    const school = dataOf(await t.call<OrgResponses['inviteCard']>(ADMIN, 'org', 'inviteCard', { unitId: 'br-school' }));
    expect([office.inviteCode, school.inviteCode]).toEqual(['JGZB01', 'SYZX02']);
    const a = cardOf('br-office');
    const b = cardOf('br-school');
    expect(a).toMatchObject({ inviteCode: 'JGZB01' });
    expect(b).toMatchObject({ inviteCode: 'SYZX02' });
    const [pa, pb] = [pathOf(a?.fileID ?? ''), pathOf(b?.fileID ?? '')];
    for (const p of [pa, pb]) {
      const [kind, dir, name] = [p.split('/').slice(0, 2).join('/'), p.split('/')[2], p.split('/').slice(3).join('/')];
      expect(kind).toBe('codes/invite');
      expect(dir).toMatch(RANDOM_DIR);
      expect(name).toMatch(/\.png$/);
      for (const secret of ['JGZB01', 'SYZX02', 'br-office', 'br-school', 'org-demo']) expect(p).not.toContain(secret);
    }
    expect(pa.split('/')[2]).not.toBe(pb.split('/')[2]);
    // The card is the mini-program code of its invite code.
    expect((await download(a?.fileID ?? '')).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(t.cloud.openapiCalls().filter((c) => c.api === 'wxacode.getUnlimited').map((c) => (c.params as { scene: string }).scene)).toEqual(
      expect.arrayContaining([expect.stringContaining('JGZB01'), expect.stringContaining('SYZX02')]),
    );
    expect(office.qrUrl).toMatch(/^http/);

    // Asked again: the same card, not made again.
    const calls = codeCalls();
    dataOf(await t.call<OrgResponses['inviteCard']>(ADMIN, 'org', 'inviteCard', { unitId: 'br-office' }));
    expect(codeCalls()).toBe(calls);
    expect(cardOf('br-office')?.fileID).toBe(a?.fileID);

    // A new invite code makes a new card at a new path.
    const reset = dataOf(await t.call<OrgResponses['resetInviteCode']>(ADMIN, 'org', 'resetInviteCode', { unitId: 'br-office' }));
    const again = dataOf(await t.call<OrgResponses['inviteCard']>(ADMIN, 'org', 'inviteCard', { unitId: 'br-office' }));
    expect(again.inviteCode).toBe(reset.inviteCode);
    expect(codeCalls()).toBe(calls + 1);
    expect(cardOf('br-office')).toMatchObject({ inviteCode: reset.inviteCode });
    expect(cardOf('br-office')?.fileID).not.toBe(a?.fileID);
    expect(pathOf(cardOf('br-office')?.fileID ?? '')).not.toContain(reset.inviteCode);
  });
});

describe('event entry codes', () => {
  const draft = (title: string): EventDraft => {
    const now = Date.now();
    return {
      kind: 'party_lecture',
      title,
      description: '说明',
      place: '报告厅',
      signupOpensAt: now - HOUR,
      signupClosesAt: now + 20 * HOUR,
      startsAt: now + 24 * HOUR,
      endsAt: now + 26 * HOUR,
      capacity: 10,
      waitlist: false,
      approval: false,
      unitIds: ['br-school'],
      cancelHours: 2,
    };
  };

  it('sit at a random path without the event, one per event, made once', async () => {
    const ids: string[] = [];
    for (const title of ['入口码一', '入口码二']) ids.push(dataOf(await t.call<EventAdminView>(ADMIN, 'event', 'saveEvent', { event: draft(title) })).id);
    const first = dataOf(await t.call<EventResponses['entryCode']>(ADMIN, 'event', 'entryCode', { eventId: ids[0] }));
    const second = dataOf(await t.call<EventResponses['entryCode']>(ADMIN, 'event', 'entryCode', { eventId: ids[1] }));
    for (const [p, eventId] of [
      [pathOf(first.fileID), ids[0]],
      [pathOf(second.fileID), ids[1]],
    ]) {
      expect(p).toMatch(/^codes\/event\/[0-9a-f]{32}\/[^/]+\.png$/);
      expect(p).not.toContain(eventId);
    }
    expect(pathOf(first.fileID).split('/')[2]).not.toBe(pathOf(second.fileID).split('/')[2]);
    expect((await download(first.fileID)).subarray(1, 4).toString('latin1')).toBe('PNG');
    const calls = codeCalls();
    const again = dataOf(await t.call<EventResponses['entryCode']>(ADMIN, 'event', 'entryCode', { eventId: ids[0] }));
    expect(again.fileID).toBe(first.fileID);
    expect(codeCalls()).toBe(calls);
  });
});

describe('the question import template', () => {
  it('sits at a random path without the organisation', async () => {
    const tpl = dataOf(await t.call<ExamResponses['questionTemplate']>(ADMIN, 'exam', 'questionTemplate', {}));
    const p = pathOf(tpl.fileID);
    expect(p).toMatch(/^templates\/[0-9a-f]{32}\/[^/]+\.xlsx$/);
    expect(p).not.toContain('org-demo');
    // An xlsx is a zip.
    expect((await download(tpl.fileID)).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
