// The report drafts' text builders (core/domain/report.ts) and how the feed editor opens a draft:
// figures and rates filled in, a unit with nobody asked, long titles and stems cut, never markup,
// the closing prompt last and refused at publishing while it is still there.
import {
  eventReportParagraphs,
  examReportParagraphs,
  hasReportPrompt,
  oneLine,
  REPORT_CLOSING_PROMPT,
  REPORT_UNITS_NAMED,
  reportParagraphs,
  reportPercent,
  reportTitle,
  rowText,
  shorten,
  unitsParagraph,
  type ExamReportFacts,
} from '../../core/domain/report';
import { isPlainBody, postFormOf, promptProblem, updatePostForm, type SavedPost } from '../../src/subpackages/feed-admin/editorModel';
import { paragraphsToHtml } from '../../src/utils/feed-format';

/** UTC instant of a Beijing wall time. */
const beijing = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

describe('the pieces', () => {
  it('rates as whole percents; none when nobody was asked', () => {
    expect(reportPercent(2, 3)).toBe(67);
    expect(reportPercent(0, 5)).toBe(0);
    expect(reportPercent(0, 0)).toBeNull();
    expect(rowText({ name: '机关第一党支部', part: 2, whole: 3 }, '无人报名')).toBe('机关第一党支部67%（2/3人）');
    expect(rowText({ name: '离退休干部党支部', part: 0, whole: 0 }, '无人报名')).toBe('离退休干部党支部无人报名');
  });

  it('a by-unit sentence only when there is more than one unit', () => {
    expect(unitsParagraph('各支部出席情况', [{ name: 'A', part: 1, whole: 2 }], '无人报名')).toBeNull();
    expect(unitsParagraph('各支部出席情况', [{ name: 'A', part: 1, whole: 2 }, { name: 'B', part: 0, whole: 0 }], '无人报名')).toBe('各支部出席情况：A50%（1/2人）；B无人报名。');
  });

  it('long titles and stems are cut to size with …, counting characters, not code units', () => {
    const long = '学习贯彻党的二十届三中全会精神暨“不忘初心、牢记使命”主题教育专题党课第二讲：坚定理想信念';
    const title = reportTitle('党课', long);
    expect([...title]).toHaveLength(40);
    expect(title.startsWith('党课｜学习贯彻')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
    expect(reportTitle('党课', '短标题')).toBe('党课｜短标题');
    expect(shorten('𠀀'.repeat(12), 10)).toBe(`${'𠀀'.repeat(9)}…`);
    expect(shorten('  一行\n两行\t三  ', 10)).toBe('一行 两行 三');
  });

  it('paragraphs are single lines, empty ones dropped, the closing prompt last', () => {
    expect(reportParagraphs(['第一段\n接着', '', null, false, undefined, '  第二段 '])).toEqual(['第一段 接着', '第二段', REPORT_CLOSING_PROMPT]);
    expect(oneLine('a\r\n\r\nb')).toBe('a b');
    expect(hasReportPrompt(REPORT_CLOSING_PROMPT)).toBe(true);
    expect(hasReportPrompt('【请补充：这里】之后')).toBe(true);
    expect(hasReportPrompt('大家表示要传承红色基因。')).toBe(false);
  });
});

describe('an ended event', () => {
  const facts = {
    startsAt: beijing(2026, 12, 5, 9, 0),
    organiser: '示例市直机关党委',
    kindLabel: '主题党日',
    title: '重温入党誓词 <b>参观</b> & 学习',
    place: '市革命纪念馆',
    confirmed: 5,
    attended: 3,
    rows: [
      { name: '机关第一党支部', part: 2, whole: 3 },
      { name: '实验中学党支部', part: 1, whole: 2 },
    ],
    description: '集体重温入党誓词。\n参观革命纪念馆。',
  };

  it('says the day, the unit, the title and place, the figures and the rate, by unit, what it was about, then the prompt', () => {
    expect(eventReportParagraphs(facts)).toEqual([
      '2026年12月5日，示例市直机关党委组织开展了主题党日活动“重温入党誓词 <b>参观</b> & 学习”，地点在市革命纪念馆。',
      '本次活动共5人报名，3人出席。报名党员的出席率为60%。',
      '各支部出席情况：机关第一党支部67%（2/3人）；实验中学党支部50%（1/2人）。',
      '活动内容：集体重温入党誓词。 参观革命纪念馆。',
      REPORT_CLOSING_PROMPT,
    ]);
  });

  it('with nobody signed up: no rate, no by-unit sentence for one unit, no empty paragraph', () => {
    expect(eventReportParagraphs({ ...facts, confirmed: 0, attended: 0, rows: [], description: '' })).toEqual([
      '2026年12月5日，示例市直机关党委组织开展了主题党日活动“重温入党誓词 <b>参观</b> & 学习”，地点在市革命纪念馆。',
      '本次活动共0人报名，0人出席。',
      REPORT_CLOSING_PROMPT,
    ]);
  });

  it('an org-wide event over many units names the first ones and counts the rest', () => {
    const rows = Array.from({ length: REPORT_UNITS_NAMED + 5 }, (_, i) => ({ name: `第${i + 1}支部`, part: 1, whole: 2 }));
    const line = eventReportParagraphs({ ...facts, rows })[2];
    expect(line).toContain(`第${REPORT_UNITS_NAMED}支部50%`);
    expect(line).not.toContain(`第${REPORT_UNITS_NAMED + 1}支部`);
    expect(line.endsWith('；另有5个支部略。')).toBe(true);
  });
});

describe('a closed exam', () => {
  const facts: ExamReportFacts = {
    opensAt: beijing(2026, 11, 20, 8, 0),
    closesAt: beijing(2026, 11, 27, 0, 0),
    organiser: '示例市直机关党委',
    title: '党章党规知识测试',
    totalScore: 100,
    passScore: 60,
    overall: { name: '合计', asked: 20, took: 16, passed: 12 },
    averageScore: 78.5,
    units: [
      { name: '机关第一党支部', asked: 10, took: 9, passed: 8 },
      { name: '实验中学党支部', asked: 10, took: 7, passed: 4 },
      { name: '新成立党支部', asked: 0, took: 0, passed: 0 },
    ],
    missed: [
      { stem: '中国共产党党员必须履行的义务中，下列哪一项是关于密切联系群众的表述？请选出正确的一项', answered: 16, correct: 6 },
      { stem: '党的最高理想和最终目标是（  ）', answered: 16, correct: 10 },
      { stem: '全对的题', answered: 16, correct: 16 },
    ],
  };

  it('says the window (a midnight close ends the day before), participation and pass rate overall and per unit, the average, the stems most missed', () => {
    const p = examReportParagraphs(facts);
    expect(p[0]).toBe('2026年11月20日至2026年11月26日，示例市直机关党委组织开展了“党章党规知识测试”考试，满分100分，60分及格。');
    expect(p[1]).toBe('应考20人，实考16人，参考率80%；及格12人，及格率75%；平均78.5分。');
    expect(p[2]).toBe('各支部情况：机关第一党支部参考率90%（9/10人），及格率89%；实验中学党支部参考率70%（7/10人），及格率57%；新成立党支部无应考人员。');
    expect(p[3]).toBe('答错较多的题目：1.“中国共产党党员必须履行的义务中，下列哪一项是关于密切联系群…”答对率38%；2.“党的最高理想和最终目标是（ ）”答对率63%。这些内容将在今后的学习中重点讲解。');
    expect(p[4]).toBe(REPORT_CLOSING_PROMPT);
    expect(p).toHaveLength(5);
  });

  it('held questions (null) and nobody handing in leave their sentences out; one day said once', () => {
    const p = examReportParagraphs({
      ...facts,
      opensAt: beijing(2026, 11, 20, 8, 0),
      closesAt: beijing(2026, 11, 20, 18, 0),
      overall: { name: '合计', asked: 10, took: 0, passed: 0 },
      averageScore: null,
      units: [{ name: '机关第一党支部', asked: 10, took: 0, passed: 0 }],
      missed: null,
    });
    expect(p).toEqual(['2026年11月20日，示例市直机关党委组织开展了“党章党规知识测试”考试，满分100分，60分及格。', '应考10人，没有人交卷。', REPORT_CLOSING_PROMPT]);
  });
});

describe('the feed editor opens a draft as text', () => {
  const saved = (body: string): SavedPost => ({ kind: 'report', title: '党课｜专题党课', body, cover: null, coverUrl: null, images: [], imageUrls: [], tags: ['党课'], unitId: null, modelMemberId: null });

  it('a body of plain paragraphs opens as the paragraphs, entities read back as the characters typed', () => {
    const body = paragraphsToHtml('第一段 <b>不是粗体</b> & “引号”\n' + REPORT_CLOSING_PROMPT);
    expect(isPlainBody(body)).toBe(true);
    const form = postFormOf(saved(body));
    expect(form).toMatchObject({ bodyMode: 'text', text: `第一段 <b>不是粗体</b> & “引号”\n${REPORT_CLOSING_PROMPT}`, html: body });
    // Saved again unchanged, it is the same body.
    expect(paragraphsToHtml(form.text)).toBe(body);
  });

  it('any other markup keeps the stored body and its preview', () => {
    expect(isPlainBody('<p>郭峰老师</p><h2>事迹</h2>')).toBe(false);
    expect(isPlainBody('<p>一段<strong>加粗</strong></p>')).toBe(false);
    expect(isPlainBody('')).toBe(false);
    expect(postFormOf(saved('<p>一段<strong>加粗</strong></p>')).bodyMode).toBe('html');
  });

  it('publishing is refused while the 【请补充：…】 prompt is still in the text; saving a draft is not', () => {
    const form = postFormOf(saved(paragraphsToHtml(`第一段\n${REPORT_CLOSING_PROMPT}`)));
    expect(promptProblem(form)).toBe('正文里还有【请补充：…】的提示，请换成自己的话或删去后再发布');
    expect(promptProblem(updatePostForm(form, { type: 'set', patch: { text: '第一段\n大家表示要把学到的用到工作中。' } }))).toBeNull();
  });
});
