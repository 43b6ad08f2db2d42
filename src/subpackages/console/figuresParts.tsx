// 工作台's parts: the waiting queues, the period chips, one card per activity (big numbers, a bar
// per child unit with the lowest rate first, its trend) and the child units to drill into.
import { Picker, Text, View } from '@tarojs/components';
import type { ConsoleChild, ConsoleFigures, ConsoleView, WaitingKind } from '@core/contracts';
import { lowestFirst, percentText } from '@core/domain/console/figures';
import Card from '@/components/Card';
import Chips from '@/components/Chips';
import { goPage, PAGE } from '@/utils/nav';
import { BarChart, TrendChart } from './charts';

export type PeriodKind = 'week' | 'month' | 'range';

const WAITING_PAGE: Record<WaitingKind, string> = {
  submissions: PAGE.feedReview,
  bindRequests: PAGE.adminRequests,
  comments: PAGE.feedComments,
  quizFlags: PAGE.quizAdminFlags,
  questionReports: PAGE.examReports,
};

const shortDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function WaitingCard({ items }: { items: ConsoleView['waiting'] }) {
  const open = items.filter((w) => w.count > 0);
  return (
    <Card title='待您处理' id='console-waiting'>
      {open.length === 0 ? <Text className='cs-note'>现在没有需要您处理的事项。</Text> : null}
      {open.map((w) => (
        <View key={w.kind} id={`waiting-${w.kind}`} className='cs-row' hoverClass='cs-row--pressed' onClick={() => goPage(WAITING_PAGE[w.kind])}>
          <Text className='cs-row__label'>{w.label}</Text>
          <Text className='cs-row__count'>
            {w.count}
            {w.more ? '+' : ''}
          </Text>
          <Text className='cs-row__go'>›</Text>
        </View>
      ))}
    </Card>
  );
}

export interface PeriodChoice {
  kind: PeriodKind;
  fromDay: string;
  toDay: string;
}

export function PeriodPicker({ value, today, label, onChange }: { value: PeriodChoice; today: string; label: string | null; onChange: (p: PeriodChoice) => void }) {
  const options = [
    { value: 'week' as const, label: '本周' },
    { value: 'month' as const, label: '本月' },
    { value: 'range' as const, label: '自定义' },
  ];
  return (
    <View className='cs-period' id='console-period'>
      <Chips id='console-period-kind' options={options} selected={[value.kind]} onToggle={(kind) => onChange({ ...value, kind })} />
      {value.kind === 'range' ? (
        <View className='cs-range'>
          <Picker mode='date' value={value.fromDay} end={today} onChange={(e) => onChange({ ...value, fromDay: String(e.detail.value) })}>
            <View id='console-from' className='cs-daybox'>
              <Text>从 {shortDay(value.fromDay)}</Text>
            </View>
          </Picker>
          <Picker mode='date' value={value.toDay} end={today} onChange={(e) => onChange({ ...value, toDay: String(e.detail.value) })}>
            <View id='console-to' className='cs-daybox'>
              <Text>到 {shortDay(value.toDay)}</Text>
            </View>
          </Picker>
        </View>
      ) : null}
      {label ? <Text className='cs-note' id='console-period-label'>统计时间：{label}</Text> : null}
    </View>
  );
}

function Big({ id, value, label, warn }: { id: string; value: string; label: string; warn?: boolean }) {
  return (
    <View id={id} className={`cs-tiles__item${warn ? ' cs-tiles__item--warn' : ''}`}>
      <Text className='cs-tiles__value'>{value}</Text>
      <Text className='cs-tiles__label'>{label}</Text>
    </View>
  );
}

/** A bar per open child unit, the lowest rate first; closed units are listed apart. */
function ChildBars({ id, items, rateOf, noteOf }: { id: string; items: ConsoleChild[]; rateOf: (f: ConsoleFigures) => number | null; noteOf: (f: ConsoleFigures) => string }) {
  const open = items.filter((c) => !c.closed);
  if (open.length === 0) return null;
  const sorted = lowestFirst(open, (c) => rateOf(c.figures));
  return (
    <View className='cs-bars'>
      <Text className='cs-sub'>各下级组织（从低到高）</Text>
      <BarChart
        id={id}
        unit='%'
        items={sorted.map((c) => {
          const r = rateOf(c.figures);
          return { label: c.name, value: r === null ? 0 : Math.round(r * 100), max: 100, note: r === null ? '无应参加人员' : noteOf(c.figures) };
        })}
      />
    </View>
  );
}

export function ActivityCards({ v }: { v: ConsoleView }) {
  const t = v.total;
  const days = v.trend.days;
  return (
    <>
      <Card title='考试' id='console-exams'>
        <View className='cs-tiles'>
          <Big id='exam-rate' value={percentText(t.exams.rate)} label='参加率' />
          <Big id='exam-pass' value={percentText(t.exams.passRate)} label='通过率' />
          <Big id='exam-count' value={String(t.exams.items.length)} label='场考试' />
        </View>
        {t.exams.items.length === 0 ? <Text className='cs-note'>这段时间没有考试。</Text> : null}
        {t.exams.items.map((e) => (
          <View key={e.examId} id={`exam-${e.examId}`} className='cs-line'>
            <Text className='cs-line__title'>
              {e.title}
              {e.kind === 'makeup' ? '（补考）' : ''}
            </Text>
            <Text className='cs-line__text'>
              {e.phase === 'upcoming' ? '未开始' : e.phase === 'open' ? '进行中' : '已结束'} · 应参加 {e.audience} 人 · 已交卷 {e.submitted} · 通过 {e.passed}
              {e.notYet > 0 ? ` · 未参加 ${e.notYet}` : ''}
              {e.absent > 0 ? ` · 缺考 ${e.absent}` : ''}
            </Text>
          </View>
        ))}
        <ChildBars id='bars-exam' items={v.children} rateOf={(f) => f.exams.rate} noteOf={(f) => `${f.exams.submitted}/${f.exams.audience} 人`} />
      </Card>

      <Card title='学习打卡' id='console-checkins'>
        <View className='cs-tiles'>
          <Big id='checkin-rate' value={percentText(t.checkins.rate)} label='完成率' />
          <Big id='checkin-total' value={String(t.checkins.total)} label='打卡人次' />
          <Big id='checkin-bound' value={String(t.bound)} label='已绑定党员' />
        </View>
        <Text className='cs-note'>完成率 = 打卡人次 ÷（已绑定党员 × {v.period.days} 天）。</Text>
        <ChildBars id='bars-checkin' items={v.children} rateOf={(f) => f.checkins.rate} noteOf={(f) => `${f.checkins.total} 人次`} />
        <TrendChart id='trend-checkin' days={days} series={[{ name: '打卡人次', values: v.trend.checkins }]} />
      </Card>

      <Card title='活动' id='console-events'>
        <View className='cs-tiles'>
          <Big id='event-count' value={String(t.events.count)} label='场活动' />
          <Big id='event-confirmed' value={String(t.events.confirmed)} label='报名人数' />
          <Big id='event-attended' value={String(t.events.attended)} label='到场人数' />
        </View>
        <ChildBars id='bars-event' items={v.children} rateOf={(f) => f.events.rate} noteOf={(f) => `到场 ${f.events.attended}/${f.events.confirmed}`} />
      </Card>

      <Card title='每日答题和知识竞赛' id='console-quiz'>
        <View className='cs-tiles'>
          <Big id='quiz-rate' value={percentText(t.quiz.rate)} label='每日答题参与率' />
          <Big id='quiz-days' value={String(t.quiz.participantDays)} label='答题人次' />
          <Big id='contest-participants' value={String(t.contests.participants)} label={`竞赛参赛人次（${t.contests.count} 场）`} />
        </View>
        <ChildBars id='bars-quiz' items={v.children} rateOf={(f) => f.quiz.rate} noteOf={(f) => `${f.quiz.participantDays} 人次`} />
        <TrendChart id='trend-quiz' days={days} series={[{ name: '答题人数', values: v.trend.quiz }]} />
      </Card>

      <Card title='积分' id='console-points'>
        <View className='cs-tiles'>
          <Big id='points-total' value={String(t.points.points)} label='获得积分' />
          <Big id='points-days' value={String(t.points.memberDays)} label='得分人次' />
        </View>
        {v.children.some((c) => !c.closed) ? (
          <View className='cs-bars'>
            <Text className='cs-sub'>各下级组织</Text>
            <BarChart id='bars-points' items={lowestFirst(v.children.filter((c) => !c.closed), (c) => c.figures.points.points).map((c) => ({ label: c.name, value: c.figures.points.points }))} />
          </View>
        ) : null}
        <TrendChart id='trend-points' days={days} series={[{ name: '积分', values: v.trend.points }]} />
      </Card>
    </>
  );
}

/** The child units, each a tap into its own console; closed ones apart. */
export function ChildList({ items, onOpen }: { items: ConsoleChild[]; onOpen: (id: string) => void }) {
  if (items.length === 0) return null;
  const row = (c: ConsoleChild) => (
    <View key={c.id} id={`child-${c.id}`} className='cs-child' hoverClass='cs-row--pressed' onClick={() => onOpen(c.id)}>
      <View className='cs-child__text'>
        <Text className='cs-line__title'>
          {c.name}
          {c.closed ? '（已撤销）' : ''}
        </Text>
        <Text className='cs-line__text'>
          党员 {c.figures.members} 人（已绑定 {c.figures.bound}）· 打卡 {percentText(c.figures.checkins.rate)} · 答题 {percentText(c.figures.quiz.rate)} · 考试 {percentText(c.figures.exams.rate)}
        </Text>
      </View>
      <Text className='cs-row__go'>›</Text>
    </View>
  );
  const open = items.filter((c) => !c.closed);
  const closed = items.filter((c) => c.closed);
  return (
    <Card title='下级组织' id='console-children'>
      <Text className='cs-note'>点一个组织，查看它自己的工作台。</Text>
      {open.map(row)}
      {closed.length > 0 ? <Text className='cs-sub'>已撤销的组织（保留历史数据）</Text> : null}
      {closed.map(row)}
    </Card>
  );
}
