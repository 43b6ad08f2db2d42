// The 四落实 evaluation's pure rules (core/domain/campaign/evaluation.ts, evaluationSheets.ts,
// stageDraft.ts): each unit's figures cover its subtree, leaders are the unit's own, reports are
// timed as the reports part states them, sheet names obey Excel, rates say "—" with nothing to
// divide, and the stage draft reads as plain paragraphs ending in the prompt.
import { evaluateUnits, gradeWord, reportTiming, reportWords, sheetNames, type EvaluationFacts, type EvalUnit } from '../../core/domain/campaign/evaluation';
import { evaluationSheets, percentCell, PERCENT_FORMAT, summarySheet, SUMMARY_GROUPS } from '../../core/domain/campaign/evaluationSheets';
import { activityText, stageDraftParagraphs, stageDraftTitle } from '../../core/domain/campaign/stageDraft';
import { REPORT_CLOSING_PROMPT } from '../../core/domain/report';

const unit = (id: string, parent: EvalUnit | null, members: number, bound: number, order = 0): EvalUnit => ({
  id,
  name: `单位${id}`,
  parentId: parent?.id ?? null,
  path: parent ? [...parent.path, id] : [id],
  order,
  createdAt: 0,
  memberCount: members,
  boundCount: bound,
});
// city → county (2 own members) → branches b1 (10), b2 (8); a sibling county c2 with b3 (5).
const city = unit('city', null, 0, 0);
const county = unit('county', city, 2, 2, 0);
const b1 = unit('b1', county, 10, 8, 1);
const b2 = unit('b2', county, 8, 4, 0);
const c2 = unit('c2', city, 0, 0, 1);
const b3 = unit('b3', c2, 5, 5);

function facts(over: Partial<EvaluationFacts> = {}): EvaluationFacts {
  return {
    seenId: 'city',
    units: [city, county, b1, b2, c2, b3],
    exams: [
      // For county's subtree: b1 took 6 (5 passed), b2 took 2 (1 passed); b3 not reached.
      { id: 'e1', title: '测试', audience: ['county'], inviteOnly: false, byUnit: new Map([['b1', { invited: 0, submitted: 6, passed: 5 }], ['b2', { invited: 0, submitted: 2, passed: 1 }]]) },
    ],
    events: [{ id: 'v1', title: '党课', audience: ['ALL'], byUnit: { b1: { c: 5, a: 4 }, b3: { c: 3, a: 3 } } }],
    checkins: new Map([['b1', 30], ['b3', 7]]),
    contests: new Map([['county', { contests: 1, participants: 9 }]]),
    tasks: new Map([['b1', { total: 4, done: 3, overdue: 1 }], ['county', { total: 2, done: 0, overdue: 0 }]]),
    reports: [
      { unitId: 'b1', askKey: 'p', title: '活动方案', dueDay: '2026-03-05', state: 'accepted', lateMinutes: null },
      { unitId: 'b2', askKey: 'p', title: '活动方案', dueDay: '2026-03-05', state: 'submitted', lateMinutes: 3000 },
      { unitId: 'b3', askKey: 'p', title: '活动方案', dueDay: '2026-03-05', state: 'missing', lateMinutes: null },
      { unitId: 'county', askKey: 'p', title: '活动方案', dueDay: '2026-03-05', state: 'returned', lateMinutes: null },
      { unitId: 'b1', askKey: 'f', title: '专题报告', dueDay: '2026-06-30', state: 'pending', lateMinutes: null },
    ],
    leaders: [
      { memberId: 'm1', name: '甲', unitId: 'b1', tookPart: true },
      { memberId: 'm2', name: '乙', unitId: 'b1', tookPart: false },
      { memberId: 'm3', name: '丙', unitId: 'county', tookPart: false },
    ],
    assessments: new Map([['b1', { grade: 'excellent', text: '组织有力', byName: '张三', at: Date.UTC(2026, 5, 1) }]]),
    ...over,
  };
}

describe('each unit’s figures', () => {
  const rows = evaluateUnits(facts());
  const row = (id: string) => rows.find((r) => r.unit.id === id)!;

  it('the unit seen first, then tree order (siblings by order)', () => {
    expect(rows.map((r) => r.unit.id)).toEqual(['city', 'county', 'b2', 'b1', 'c2', 'b3']);
    expect(row('b1')).toMatchObject({ depth: 2, parentName: '单位county' });
  });

  it('人员 adds the subtree’s roster; leaders are the unit’s own; 参加人数 the most in any one activity', () => {
    expect(row('county').people).toEqual({ members: 20, bound: 14, participants: 8, coverage: 8 / 20, leaders: 1, leadersTookPart: 0 });
    expect(row('b1').people).toEqual({ members: 10, bound: 8, participants: 6, coverage: 0.6, leaders: 2, leadersTookPart: 1 });
    expect(row('city').people.members).toBe(25);
    expect(row('b3').people).toMatchObject({ participants: 3, leaders: 0, leadersTookPart: null });
  });

  it('时间: a returned report counts as sent when it was, a report not yet due is not owed', () => {
    expect(row('county').timing).toEqual({ owed: 3, onTime: 2, late: 1, missing: 0, notDue: 1, onTimeRate: 2 / 3 });
    expect(row('city').timing).toMatchObject({ owed: 4, onTime: 2, late: 1, missing: 1 });
    expect(row('c2').timing).toMatchObject({ owed: 1, missing: 1, onTimeRate: 0 });
    expect(reportTiming({ state: 'draft', lateMinutes: null })).toBe('notDue');
    expect(reportWords({ state: 'submitted', lateMinutes: 3000 })).toBe('晚交 3 天');
    expect(reportWords({ state: 'returned', lateMinutes: null })).toBe('按时报送（已退回修改）');
    expect(reportWords({ state: 'missing', lateMinutes: null })).toBe('未交');
  });

  it('内容 counts each activity once per subtree it reached; 效果 rates from the counters', () => {
    expect(row('county').content).toEqual({ exams: 1, events: 1, checkins: 30, contests: 1, tasks: 6 });
    expect(row('c2').content).toEqual({ exams: 0, events: 1, checkins: 7, contests: 0, tasks: 0 });
    expect(row('city').content).toMatchObject({ exams: 1, events: 1, checkins: 37 });
    // county: exam asked 20 (its whole subtree is the audience), took 8; event asked 20, attended 4.
    expect(row('county').effect).toEqual({ asked: 40, took: 12, participation: 12 / 40, submitted: 8, passed: 6, passRate: 6 / 8, tasksDone: 3, tasksTotal: 6, overdue: 1 });
    expect(row('c2').effect).toMatchObject({ asked: 5, took: 3, submitted: 0, passRate: null });
  });

  it('a make-up asks only those it invited', () => {
    const r = evaluateUnits(facts({ exams: [{ id: 'mk', title: '补考', audience: ['county'], inviteOnly: true, byUnit: new Map([['b1', { invited: 3, submitted: 2, passed: 2 }]]) }], events: [] }));
    expect(r.find((x) => x.unit.id === 'county')!.effect).toMatchObject({ asked: 3, took: 2, participation: 2 / 3 });
  });

  it('the assessment is the unit’s own, in grade words', () => {
    expect(row('b1').assessment).toMatchObject({ grade: 'excellent', text: '组织有力' });
    expect(row('county').assessment).toBeNull();
    expect(gradeWord('excellent')).toBe('优秀');
    expect(gradeWord(null)).toBeNull();
  });
});

describe('the sheets', () => {
  const rows = evaluateUnits(facts());

  it('汇总: two header rows, headings merged over their columns, rates as numbers in percent format or —', () => {
    const s = summarySheet(rows);
    expect(s.headerRows).toBe(2);
    expect(s.rows[0].slice(0, 3)).toEqual(['单位', '上级单位', '人员']);
    expect(s.rows[1]).toHaveLength(2 + SUMMARY_GROUPS.reduce((n, g) => n + g.columns.length, 0));
    expect(s.merges).toEqual(['A1:A2', 'B1:B2', 'C1:H1', 'I1:M1', 'N1:R1', 'S1:W1', 'X1:Y1']);
    const col = (name: string) => s.rows[1].indexOf(name);
    const b1 = s.rows.find((r) => r[0] === '单位b1')!;
    expect(b1[col('覆盖率')]).toEqual({ value: 0.6, numFmt: PERCENT_FORMAT });
    expect(b1[col('评价等次')]).toBe('优秀');
    expect(b1[col('书面评价')]).toBe('组织有力');
    const c2 = s.rows.find((r) => r[0] === '单位c2')!;
    expect(c2[col('考试及格率')]).toBe('—');
    expect(c2[col('领导班子参加')]).toBe('—');
    expect(percentCell(null)).toBe('—');
  });

  it('a sheet per unit below the one seen, between 汇总 and 说明, each with the four blocks and its assessment', () => {
    const sheets = evaluationSheets(rows, { campaignTitle: '主题教育', period: '2026-03-01 至 2026-05-31' });
    expect(sheets.map((s) => s.name)).toEqual(['汇总', '单位county', '单位b2', '单位b1', '单位c2', '单位b3', '说明']);
    const b1 = sheets[3];
    const labels = b1.rows.map((r) => r[0]);
    for (const h of ['一、人员', '二、时间', '三、内容', '四、效果', '评价']) expect(labels).toContain(h);
    const value = (label: string) => b1.rows.find((r) => r[0] === label)?.[1];
    expect(value('应参加人数')).toBe(10);
    expect(value('覆盖率')).toEqual({ value: 0.6, numFmt: PERCENT_FORMAT });
    expect(value('评价等次')).toBe('优秀');
    expect(value('书面评价')).toBe('组织有力');
    expect(b1.rows.find((r) => r[0] === '甲')).toEqual(['甲', '参加']);
    expect(b1.rows.find((r) => r[0] === '活动方案')).toEqual(['活动方案', '2026-03-05', '按时报送']);
    expect(sheets[4].rows.find((r) => r[0] === '评价等次')?.[1]).toBe('未评价');
  });

  it('sheet names: at most 31 characters, none of []:*?/\\, unique (ignoring case) and apart from 汇总 and 说明', () => {
    const long = '中共某某市某某区某某街道某某社区第一党支部委员会关于开展学习教育';
    const names = sheetNames([long, long, 'a[b]:c*d?e/f\\g', '汇总', '  ', 'ABC', 'abc', "'引号'"], ['汇总', '说明']);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n.trim()).not.toBe('');
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names[0]).toBe([...long].slice(0, 31).join(''));
    expect(names[1].endsWith('（2）')).toBe(true);
    expect(names[2]).toBe('abcdefg');
    expect(names[3]).toBe('汇总（2）');
    expect(names[4]).toBe('单位');
    expect(names[6]).toBe('abc（2）');
    expect(names[7]).toBe('引号');
  });
});

describe('the stage draft', () => {
  it('the stage and its days, what was held with figures, reports with the missing named, the prompt last; never markup', () => {
    const p = stageDraftParagraphs({
      unitName: '某县委',
      campaignTitle: '主题教育',
      stageName: '启动部署',
      startDay: '2026-03-01',
      endDay: '2026-03-31',
      activities: [
        { kind: 'exam', title: '应知应会测试', done: 8, of: 10 },
        { kind: 'event', title: '专题党课', done: 4, of: 5 },
        { kind: 'challenge', title: '每日学习', done: 120, of: null },
      ],
      reports: [{ title: '活动方案', dueDay: '2026-03-10', onTime: 2, late: 1, missing: 1, notDue: 0, missingUnits: ['第三支部'] }],
    });
    expect(p[0]).toBe('2026年3月1日至2026年3月31日，某县委开展“主题教育”启动部署阶段工作。');
    expect(p[1]).toBe('本阶段开展的工作：考试“应知应会测试”交卷8人（应考10人，参考率80%）；活动“专题党课”到场4人（报名5人，出席率80%）；学习打卡“每日学习”打卡120人次。');
    expect(p[2]).toBe('本阶段报告报送情况：“活动方案”（2026年3月10日截止）应报送4个单位，按时报送2个，晚交1个，未报送1个（未报送：第三支部）。');
    expect(p[p.length - 1]).toBe(REPORT_CLOSING_PROMPT);
    expect(p.join('\n')).not.toMatch(/[<>]/);
    expect(stageDraftTitle('主题教育', '启动部署')).toBe('专项行动｜主题教育·启动部署');
    expect(activityText({ kind: 'taskList', title: '实事清单', done: 3, of: 5 })).toBe('任务清单“实事清单”已完成3项（共5项）');
  });

  it('nothing held and no reports: the opening and the prompt only', () => {
    expect(stageDraftParagraphs({ unitName: 'A', campaignTitle: 'T', stageName: 'S', startDay: '2026-03-01', endDay: '2026-03-01', activities: [], reports: [] })).toHaveLength(2);
  });
});
