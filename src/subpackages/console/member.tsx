// One member's whole picture for the period (工作台 · 党员详情): each exam with its state and score,
// the days checked in, events, the daily quiz, contests and points. Organisers of the member's
// unit subtree only (the function decides).
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { LoadingOrError } from '@/components/Loaded';
import { useAction } from '@/hooks';
import { beijingDayKey, formatBeijing } from '@core/domain/time';
import type { PeriodChoice } from './figuresParts';
import { periodFromParams, periodPayload, periodQuery } from './period';
import './gaps/gaps.scss';

const shortDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function Picture({ memberId, period }: { memberId: string; period: PeriodChoice }) {
  const pic = useAction('console', 'memberPicture', { memberId, period: periodPayload(period) }, [memberId, periodQuery(period)]);
  if (!pic.data) return <LoadingOrError state={pic} />;
  const p = pic.data;
  return (
    <>
      <Card id='member-head'>
        <Text className='gap-row__name'>{p.member.name}</Text>
        <Text className='gap-counts'>
          {p.member.unitName}
          {p.member.leader ? ' · 领导班子' : ''}
          {p.member.bound ? '' : ' · 未绑定'}
        </Text>
        <Text className='gap-counts' id='member-period'>{p.period.label}</Text>
      </Card>
      <Card title='考试' id='member-exams'>
        {p.exams.length === 0 ? <Text className='gap-state'>这段时间没有考试</Text> : null}
        {p.exams.map((e) => (
          <View key={e.examId} className='gap-row'>
            <Text className='gap-row__name'>{e.title}</Text>
            <Text className='gap-state' data-state={e.state}>
              {e.words}
              {e.score !== null ? ` · ${e.score} 分` : ''} · {formatBeijing(e.closesAt)} 截止
            </Text>
          </View>
        ))}
      </Card>
      <Card title='学习打卡' id='member-checkin'>
        <Text className='gap-state'>
          打卡 {p.checkin.days.length}/{p.checkin.of} 天{p.checkin.madeUp.length > 0 ? `（其中补卡 ${p.checkin.madeUp.length} 天）` : ''}
        </Text>
        <Text className='gap-state'>{p.checkin.days.length > 0 ? p.checkin.days.map(shortDay).join('、') : '这段时间没有打卡'}</Text>
      </Card>
      <Card title='活动' id='member-events'>
        {p.events.length === 0 ? <Text className='gap-state'>这段时间没有报名活动</Text> : null}
        {p.events.map((e) => (
          <Text key={e.eventId} className='gap-state' data-state={e.state}>
            {e.title}：{e.words}
          </Text>
        ))}
      </Card>
      <Card title='每日答题与知识竞赛' id='member-quiz'>
        <Text className='gap-state'>{p.quiz.words}</Text>
        <Text className='gap-state'>
          这段时间答题 {p.quiz.days.length} 天，连续 {p.quiz.streak} 天，最长 {p.quiz.longest} 天
        </Text>
        {p.contests.map((c) => (
          <Text key={c.contestId} className='gap-state'>
            {c.title}：{c.rounds > 0 ? `答了 ${c.rounds} 轮，共 ${c.total} 分` : '未参加'}
          </Text>
        ))}
      </Card>
      <Card title='积分' id='member-points'>
        <Text className='gap-state'>
          这段时间 {p.points.inPeriod} 分，累计 {p.points.total} 分
        </Text>
      </Card>
    </>
  );
}

export default function Page() {
  const { params } = useRouter();
  const period = periodFromParams(params, beijingDayKey(Date.now()));
  return (
    <PageShell>
      <AdminGate>{() => <Picture memberId={params.memberId ?? ''} period={period} />}</AdminGate>
    </PageShell>
  );
}
