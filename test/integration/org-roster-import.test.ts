// Roster import through the real `org` function: file in cloud storage → row-by-row report →
// good rows written, bad rows reported, nothing half-written.
import ExcelJS from 'exceljs';
import type { BindRequestRow, ImportReport, ManagedUnit, MemberRow, Page } from '../../core/contracts';
import type { Envelope } from '../../core/envelope';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

async function xlsx(rows: Array<Array<string | number>>, merge?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  rows.forEach((r) => ws.addRow(r));
  if (merge) ws.mergeCells(merge);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const members = async (openid: string, unitId: string) =>
  dataOf(await t.call<Page<MemberRow>>(openid, 'org', 'listMembers', { unitId, limit: 100 })).items;
const unit = async (unitId: string) =>
  dataOf(await t.call<{ units: ManagedUnit[] }>('demo-admin', 'org', 'listUnits')).units.find((u) => u.id === unitId) as ManagedUnit;

describe('roster import', () => {
  it('previews an xlsx with one bad row without writing, then imports the good rows', async () => {
    const file = await xlsx([
      ['姓名', '所在支部', '手机号', '党员类别', '角色'],
      ['陈晓明', '机关第一党支部', 13800000001, '正式党员', '党员'],
      ['刘芳芳', '机关第一党支部', '13800000002', '预备党员', ''],
      ['错误行', '机关第一党支部', '12345', '', ''],
      [],
      ['欧阳娜娜', '机关第一党支部', '', '', '支部管理员'],
    ]);
    const fileID = await t.uploadAs('demo-admin', 'org', 'sheet', 'roster.xlsx', file);
    const before = await members('demo-admin', 'br-office');

    const preview = dataOf(await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: '名单.xlsx', commit: false }));
    expect(preview).toMatchObject({ committed: false, total: 4, ready: 3, created: 0, exists: 0, duplicate: 0, invalid: 1, blankRows: 1 });
    // 支部管理员 in the file: imported all the same, as a plain member, and the row says so.
    expect(preview.rows).toEqual([
      { row: 2, name: '陈晓明', unitName: '机关第一党支部', status: 'ready', reason: null },
      { row: 3, name: '刘芳芳', unitName: '机关第一党支部', status: 'ready', reason: null },
      { row: 4, name: '错误行', unitName: null, status: 'invalid', reason: '手机号应为11位数字' },
      { row: 6, name: '欧阳娜娜', unitName: '机关第一党支部', status: 'ready', reason: '已按党员导入：管理员须在其绑定微信后，由上级在名单中任命' },
    ]);
    expect(await members('demo-admin', 'br-office')).toEqual(before);

    const done = dataOf(await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: '名单.xlsx', commit: true }));
    expect(done).toMatchObject({ committed: true, created: 3, invalid: 1, exists: 0 });
    const after = await members('demo-admin', 'br-office');
    expect(after).toHaveLength(before.length + 3);
    // No unbound entry carries a role: whoever binds to it by typing the name gets a member's rights.
    expect(after.find((m) => m.name === '欧阳娜娜')).toMatchObject({ role: 'member', manages: [], bound: false });
    expect(done.rows.find((r) => r.name === '欧阳娜娜')).toMatchObject({ status: 'created', reason: expect.stringMatching(/^已按党员导入：/) });
    expect(after.find((m) => m.name === '刘芳芳')).toMatchObject({ category: 'probationary', phoneMasked: '138****0002' });
    expect(after.some((m) => m.name === '错误行')).toBe(false);
    expect((await unit('br-office')).memberCount).toBe(before.length + 3);
  });

  it('a name the branch already has with another phone (or none) is a possible duplicate, written only once confirmed', async () => {
    // Demo 周明 (机关第一党支部) has 13900000706; 吴婷 has 13900000807.
    const file = await xlsx([
      ['姓名', '所在支部', '手机号'],
      ['周明', '机关第一党支部', '13700000706'],
      ['吴婷', '机关第一党支部', ''],
      ['新同志', '机关第一党支部', '13700000001'],
    ]);
    const fileID = await t.uploadAs('demo-admin', 'org', 'sheet', 'dup.xlsx', file);
    const before = await members('demo-admin', 'br-office');
    const count = (list: MemberRow[], name: string) => list.filter((m) => m.name === name).length;

    const preview = dataOf(await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'dup.xlsx', commit: false }));
    expect(preview).toMatchObject({ total: 3, ready: 1, duplicate: 2, exists: 0, invalid: 0 });
    expect(preview.rows).toEqual([
      { row: 2, name: '周明', unitName: '机关第一党支部', status: 'duplicate', reason: '可能重复：支部里已有同名党员（手机号 139****0706）' },
      { row: 3, name: '吴婷', unitName: '机关第一党支部', status: 'duplicate', reason: '可能重复：支部里已有同名党员（手机号 139****0807）' },
      { row: 4, name: '新同志', unitName: '机关第一党支部', status: 'ready', reason: null },
    ]);

    // Committed without confirmation: the possible duplicates are not written.
    const plain = dataOf(await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'dup.xlsx', commit: true }));
    expect(plain).toMatchObject({ created: 1, duplicate: 2 });
    const mid = await members('demo-admin', 'br-office');
    expect([count(mid, '周明'), count(mid, '吴婷'), count(mid, '新同志')]).toEqual([1, 1, 1]);
    expect(mid).toHaveLength(before.length + 1);

    // The organiser confirms row 2 is another 周明: written; 吴婷 still is not.
    const confirmed = dataOf(
      await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'dup.xlsx', commit: true, allowDuplicates: [2] }),
    );
    expect(confirmed).toMatchObject({ created: 1, exists: 1, duplicate: 1 });
    expect(confirmed.rows).toEqual([
      { row: 2, name: '周明', unitName: '机关第一党支部', status: 'created', reason: '已确认与支部里的同名党员不是同一人' },
      { row: 3, name: '吴婷', unitName: '机关第一党支部', status: 'duplicate', reason: '可能重复：支部里已有同名党员（手机号 139****0807）' },
      { row: 4, name: '新同志', unitName: '机关第一党支部', status: 'exists', reason: null },
    ]);
    const after = await members('demo-admin', 'br-office');
    expect(after.filter((m) => m.name === '周明').map((m) => m.phoneMasked).sort()).toEqual(['137****0706', '139****0706']);
    expect(count(after, '吴婷')).toBe(1);
    expect((await unit('br-office')).memberCount).toBe(before.length + 2);
  });

  it('the same-name check reads once per branch of the file, not once per row', async () => {
    const rows = (n: number) =>
      Buffer.from('姓名,所在支部\n' + Array.from({ length: n }, (_, i) => `读数${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三四五六'[Math.floor(i / 10)]},实验中学党支部`).join('\n'));
    const one = await t.uploadAs('demo-admin', 'org', 'sheet', 'reads-1.csv', rows(1));
    const sixty = await t.uploadAs('demo-admin', 'org', 'sheet', 'reads-60.csv', rows(60));
    const small = await t.invoke('demo-admin', 'org', 'importRoster', { fileID: one, fileName: 'reads-1.csv', commit: false });
    const large = await t.invoke('demo-admin', 'org', 'importRoster', { fileID: sixty, fileName: 'reads-60.csv', commit: false });
    expect(dataOf(large.result as Envelope<ImportReport>).ready).toBe(60);
    expect(large.stats.reads).toBe(small.stats.reads);
  });

  it('importing the same file again creates nobody: the database refuses duplicates', async () => {
    const file = await xlsx([
      ['姓名', '所在支部', '手机号'],
      ['陈晓明', '机关第一党支部', '13800000001'],
    ]);
    const fileID = await t.uploadAs('demo-admin', 'org', 'sheet', 'again.xlsx', file);
    const r = dataOf(await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'again.xlsx', commit: true }));
    expect(r).toMatchObject({ created: 0, exists: 1 });
  });

  it('two imports of the same people racing create each person once', async () => {
    const csv = Buffer.from('姓名,所在支部\n' + Array.from({ length: 30 }, (_, i) => `并发${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三'[Math.floor(i / 10)]},实验中学党支部`).join('\n'));
    const fileID = await t.uploadAs('demo-admin', 'org', 'sheet', 'race.csv', csv);
    const before = (await unit('br-school')).memberCount;
    const [a, b] = await Promise.all([
      t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'race.csv', commit: true }),
      t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'race.csv', commit: true }),
    ]);
    expect(dataOf(a).created + dataOf(b).created).toBe(30);
    expect(dataOf(a).created + dataOf(a).exists).toBe(30);
    const names = (await members('demo-admin', 'br-school')).filter((m) => m.name.startsWith('并发'));
    expect(names).toHaveLength(30);
    expect((await unit('br-school')).memberCount).toBe(before + 30);
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030) and uses the chosen default branch', async () => {
    const text = '姓名,手机号\r\n郭小川,13700000009\r\n';
    const gbk = Buffer.from(new Uint8Array([...encodeGb18030(text)]));
    const fileID = await t.uploadAs('demo-organiser', 'org', 'sheet', 'gbk.csv', gbk);
    const r = dataOf(
      await t.call<ImportReport>('demo-organiser', 'org', 'importRoster', { fileID, fileName: 'gbk.csv', unitId: 'br-school', commit: true }),
    );
    expect(r.rows).toEqual([{ row: 2, name: '郭小川', unitName: '实验中学党支部', status: 'created', reason: null }]);
  });

  it('reads a branch written once in a merged cell for many rows', async () => {
    const file = await xlsx(
      [
        ['姓名', '所在支部'],
        ['合并一', '离退休干部党支部'],
        ['合并二', ''],
      ],
      'B2:B3',
    );
    const fileID = await t.uploadAs('demo-admin', 'org', 'sheet', 'merged.xlsx', file);
    const r = dataOf(await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'merged.xlsx', commit: false }));
    expect(r.rows.map((x) => [x.name, x.unitName, x.status])).toEqual([
      ['合并一', '离退休干部党支部', 'ready'],
      ['合并二', '离退休干部党支部', 'ready'],
    ]);
  });

  it('a branch organiser cannot import into another branch, nor name one in the file', async () => {
    const fileID = await t.uploadAs('demo-organiser', 'org', 'sheet', 'other.csv', Buffer.from('姓名,所在支部\n某人,机关第一党支部\n'));
    expect(await t.call('demo-organiser', 'org', 'importRoster', { fileID, fileName: 'other.csv', unitId: 'br-office', commit: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const r = dataOf(await t.call<ImportReport>('demo-organiser', 'org', 'importRoster', { fileID, fileName: 'other.csv', commit: true }));
    expect(r.rows[0]).toMatchObject({ status: 'invalid', reason: '支部“机关第一党支部”不存在或不在您的管理范围内' });
    expect(r.created).toBe(0);
    expect(await t.call('demo-member', 'org', 'importRoster', { fileID, fileName: 'other.csv', commit: true })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a file that is not xlsx or csv, a fake xlsx, an old xls, a missing or oversized file: a clear error, nothing written', async () => {
    const before = (await unit('br-office')).memberCount;
    const pdf = await t.uploadAs('demo-admin', 'org', 'sheet', 'a.csv', Buffer.from('%PDF-1.4'));
    expect(await t.call('demo-admin', 'org', 'importRoster', { fileID: pdf, fileName: 'a.pdf', commit: true })).toEqual({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: '只支持 .xlsx 或 .csv 文件',
    });
    expect(await t.call('demo-admin', 'org', 'importRoster', { fileID: pdf, fileName: 'fake.xlsx', commit: true })).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '文件不是有效的 Excel（.xlsx）文件',
    });
    expect(await t.call('demo-admin', 'org', 'importRoster', { fileID: pdf, fileName: 'old.xls', commit: true })).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const big = await t.uploadAs('demo-admin', 'org', 'sheet', 'big.csv', Buffer.alloc(2 * 1024 * 1024 + 1, 0x41));
    expect(await t.call('demo-admin', 'org', 'importRoster', { fileID: big, fileName: 'big.csv', commit: true })).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '文件超过 2MB，请分成几个文件导入',
    });
    expect(
      await t.call('demo-admin', 'org', 'importRoster', { fileID: 'cloud://local-dev.local-bucket/nope.csv', fileName: 'nope.csv', commit: true }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const headerless = await t.uploadAs('demo-admin', 'org', 'sheet', 'h.csv', Buffer.from('编号,部门\n1,2\n'));
    expect(await t.call('demo-admin', 'org', 'importRoster', { fileID: headerless, fileName: 'h.csv', commit: true })).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '第一行应为表头，且包含“姓名”列（可下载模板对照）',
    });
    expect((await unit('br-office')).memberCount).toBe(before);
  });
});

describe('roster order', () => {
  // Names in pinyin order, as a Chinese reader looks them up. 曾 reads zeng and 单 shan as
  // surnames (not ceng, dan), so 曾文 comes near the end and 单田 after 刘.
  const imported = ['张华', '曾文', '李梅', '黄海', '单田', '刘军', '陈思远'];
  const walk = async (openid: string, unitId: string, limit: number, bound: 'all' | 'bound' = 'all') => {
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<MemberRow> = dataOf(await t.call<Page<MemberRow>>(openid, 'org', 'listMembers', { unitId, limit, cursor, bound }));
      names.push(...page.items.map((m) => m.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return { names, pages };
  };

  it('lists a branch by the pinyin of the names across keyset pages; entries without a key come first, never lost', async () => {
    const csv = Buffer.from('姓名,所在支部\n' + imported.map((n) => `${n},离退休干部党支部`).join('\n'));
    const fileID = await t.uploadAs('demo-admin', 'org', 'sheet', 'order.csv', csv);
    expect(dataOf(await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'order.csv', commit: true })).created).toBe(7);

    // Someone not on the roster asks to join; the organiser approves: the new entry is keyed too.
    expect(dataOf(await t.call<{ status: string }>('o-baiyun', 'org', 'bindMember', { name: '白云', inviteCode: 'LTGB03' }))).toMatchObject({
      status: 'pending',
    });
    const requests = dataOf(await t.call<{ items: BindRequestRow[] }>('demo-admin', 'org', 'listBindRequests', { unitId: 'br-retired' })).items;
    const request = requests.find((r) => r.name === '白云') as BindRequestRow;
    expect(dataOf(await t.call('demo-admin', 'org', 'reviewBindRequest', { requestId: request.id, approve: true }))).toMatchObject({ status: 'approved' });

    // Two entries written before sortKey existed (no such field).
    const legacy = { orgId: 'org-demo', unitId: 'br-retired', unitPath: ['org-demo', 'br-retired'], phone: null, category: 'full', role: 'member' };
    const old = { manages: [], leader: false, openid: null, boundAt: null, source: 'import', createdAt: new Date(), updatedAt: new Date() };
    await t.db.collection('members').add({ data: { _id: 'legacy-b', name: '旧乙', ...legacy, ...old } });
    await t.db.collection('members').add({ data: { _id: 'legacy-a', name: '旧甲', ...legacy, ...old } });

    const expected = [
      '旧甲', // legacy-a: no key, ordered by _id
      '旧乙',
      '宋德明', // 领导班子成员 first (the demo flags the first two of each branch), in pinyin order
      '王秀英',
      '白云', // bai
      '陈思远', // chen-si-yuan before cheng
      '程保国',
      '董凤英',
      '冯玉兰',
      '韩淑珍',
      '黄海',
      '李梅', // li before liu
      '刘军',
      '单田', // shan (not dan)
      '唐志刚',
      '谢国华',
      '于长海',
      '曾文', // zeng (not ceng)
      '张华',
      '郑桂兰',
    ];
    // One by one (a cursor on each entry, the keyless ones included) and four to a page.
    const single = await walk('demo-admin', 'br-retired', 1);
    expect(single.names).toEqual(expected);
    expect(single.pages).toBe(expected.length);
    const four = await walk('demo-admin', 'br-retired', 4);
    expect(four.names).toEqual(expected);
    expect(four.pages).toBe(5);

    // Bound members only (王秀英 … 唐志刚 and the approved 白云), two to a page: the same order.
    const bound = await walk('demo-admin', 'br-retired', 2, 'bound');
    expect(bound.names).toEqual(['宋德明', '王秀英', '白云', '韩淑珍', '唐志刚', '谢国华', '郑桂兰']);

    // Flagging a leader moves them up with the others of the leadership; unflagging puts them back.
    await dataOf(await t.call('demo-admin', 'org', 'setLeader', { memberId: 'demo-member-25', leader: true })); // 韩淑珍
    const boundNow = await walk('demo-admin', 'br-retired', 3, 'bound');
    expect(boundNow.names).toEqual(['韩淑珍', '宋德明', '王秀英', '白云', '唐志刚', '谢国华', '郑桂兰']);
    await dataOf(await t.call('demo-admin', 'org', 'setLeader', { memberId: 'demo-member-25', leader: false }));
    expect((await walk('demo-admin', 'br-retired', 3, 'bound')).names).toEqual(bound.names);
  });
});

/** GB18030 bytes for the few characters this test needs (Node can decode GB18030 but not encode it). */
function encodeGb18030(text: string): number[] {
  const table: Record<string, number[]> = {
    姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 手: [0xca, 0xd6], 机: [0xbb, 0xfa], 号: [0xba, 0xc5],
    郭: [0xb9, 0xf9], 小: [0xd0, 0xa1], 川: [0xb4, 0xa8],
  };
  const out: number[] = [];
  for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  return out;
}
