// The 专项行动 pages' words: a report's lateness (晚交 2 天), its state and kind, how far a due day
// is, the reminder's honest sentence, file sizes and the attachment rules checked before an upload.
import {
  activityFigure,
  askTotalsText,
  dayRangeText,
  dueWords,
  fileSizeText,
  lateText,
  ownState,
  remindSentence,
  REPORT_KIND_LABELS,
  REPORT_STATE_LABELS,
  reportFileProblem,
} from '../../src/utils/campaign-format';

describe('lateness in words', () => {
  it('says nothing on time, minutes under an hour, hours under a day, whole days after', () => {
    expect(lateText(null)).toBe('');
    expect(lateText(0)).toBe('');
    expect(lateText(20)).toBe('晚交 20 分钟');
    // A started hour or day counts whole: days agree with the calendar, as in the workbook.
    expect(lateText(5 * 60 + 59)).toBe('晚交 6 小时');
    expect(lateText(23 * 60)).toBe('晚交 23 小时');
    expect(lateText(24 * 60 - 1)).toBe('晚交 1 天');
    expect(lateText(2 * 24 * 60 + 300)).toBe('晚交 3 天');
  });
});

describe('states and kinds', () => {
  it('names every state and kind in plain words', () => {
    expect(REPORT_STATE_LABELS).toEqual({ pending: '待报送', missing: '未报送', draft: '草稿', submitted: '已报送', returned: '已退回', accepted: '已通过' });
    expect(REPORT_KIND_LABELS).toEqual({ plan: '活动方案', stage: '阶段报告', final: '专题报告' });
  });

  it('an own report not yet saved is 待报送 through its due day and 未报送 after it', () => {
    expect(ownState('none', '2026-12-10', '2026-12-10')).toBe('pending');
    expect(ownState('none', '2026-12-10', '2026-12-11')).toBe('missing');
    expect(ownState('draft', '2026-12-10', '2026-12-11')).toBe('draft');
    expect(ownState('returned', '2026-12-10', '2026-12-01')).toBe('returned');
  });
});

describe('due days', () => {
  it('counts Beijing days to the due day', () => {
    expect(dueWords('2026-12-07', '2026-12-04')).toBe('还有 3 天截止');
    expect(dueWords('2026-12-05', '2026-12-04')).toBe('明天截止');
    expect(dueWords('2026-12-04', '2026-12-04')).toBe('今天截止');
    expect(dueWords('2026-12-03', '2026-12-04')).toBe('已截止');
    // across a month and a year
    expect(dueWords('2027-01-02', '2026-12-30')).toBe('还有 3 天截止');
  });

  it('words a range of days, with the year only when it is not this one', () => {
    expect(dayRangeText('2026-12-01', '2026-12-31', '2026-12-04')).toBe('12月1日 至 12月31日');
    expect(dayRangeText('2026-12-20', '2027-01-10', '2026-12-04')).toBe('12月20日 至 2027年1月10日');
    expect(dayRangeText('2026-12-20', '2026-12-20', '2026-12-04')).toBe('12月20日');
  });
});

describe('the reminder sentence', () => {
  it('says whom it reached, whose organisers have no reminder credit and which units have no organiser', () => {
    expect(remindSentence({ units: 6, reminded: 3, noCredit: 1, noOrganiser: 2 })).toBe('已提醒 3 个单位；1 个单位的管理员未开启提醒；2 个单位没有管理员');
    expect(remindSentence({ units: 2, reminded: 2, noCredit: 0, noOrganiser: 0 })).toBe('已提醒 2 个单位');
    expect(remindSentence({ units: 1, reminded: 0, noCredit: 0, noOrganiser: 1 })).toBe('已提醒 0 个单位；1 个单位没有管理员');
    expect(remindSentence({ units: 0, reminded: 0, noCredit: 0, noOrganiser: 0 })).toBe('没有需要提醒的单位');
  });

  it('puts an ask\'s counts in one line', () => {
    expect(askTotalsText({ expected: 5, submitted: 3, late: 1, missing: 2, returned: 1, accepted: 1 })).toBe('应交 5 · 已交 3 · 晚交 1 · 未交 2 · 退回 1');
  });
});

describe('attachments', () => {
  it('words sizes in KB and MB', () => {
    expect(fileSizeText(300)).toBe('1 KB');
    expect(fileSizeText(820 * 1024)).toBe('820 KB');
    expect(fileSizeText(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(fileSizeText(15 * 1024 * 1024)).toBe('15 MB');
  });

  it('takes PDF, Word, Excel and pictures up to 20 MB, at most 10, and names the file refused', () => {
    const MB = 1024 * 1024;
    expect(reportFileProblem('方案.pdf', 2 * MB, 0)).toBeNull();
    expect(reportFileProblem('方案.DOCX', 2 * MB, 0)).toBeNull();
    expect(reportFileProblem('照片.jpeg', 2 * MB, 9)).toBeNull();
    expect(reportFileProblem('视频.mp4', 2 * MB, 0)).toBe('“视频.mp4”不是 PDF、Word、Excel 或图片文件');
    expect(reportFileProblem('无扩展名', 2 * MB, 0)).toContain('不是');
    expect(reportFileProblem('大.pdf', 21 * MB, 0)).toBe('“大.pdf”有 21 MB，超过了20MB');
    expect(reportFileProblem('正好.pdf', 20 * MB, 0)).toBeNull();
    expect(reportFileProblem('空.pdf', 0, 0)).toBe('“空.pdf”是空文件');
    expect(reportFileProblem('第11个.pdf', MB, 10)).toBe('附件最多10个');
  });
});

describe('attached activities', () => {
  it('shows done of how many with the rate, or the bare count without a denominator', () => {
    expect(activityFigure({ label: '参加人数', done: 12, of: 30 })).toBe('参加人数 12 / 30（40%）');
    expect(activityFigure({ label: '到场人数', done: 12, of: null })).toBe('到场人数 12');
    expect(activityFigure({ label: '已完成事项', done: 0, of: 0 })).toBe('已完成事项 0 / 0（0%）');
  });
});
