// 学习: the daily study check-in (学习打卡). Today's check-in form (or 今日已打卡), the member's
// streak figures, and a month calendar where a missed day still inside the make-up window can be
// made up (补卡). Every day's state is a word or symbol, never colour alone.
import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CheckinRequests, MyCheckins } from '@core/contracts';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import Card from '@/components/Card';
import { Button, Switch } from '@/components/nut';
import { ErrorView, LoadingView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import { askReminders } from '@/api/platform';
import { toApiError } from '@/api';
import { CHECKIN_DAY, dayTitle, leadingBlanks, monthTitle, shiftMonth } from '@/utils/format';
import './index.scss';

type Entry = CheckinRequests['checkIn'];

const TITLE_MAX = 60;
const NOTE_MAX = 300;
const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** The check-in fields, shared by today's check-in and a make-up; ids are `${prefix}-title` etc. */
function EntryForm({
  prefix,
  submitLabel,
  running,
  serverError,
  onSubmit,
}: {
  prefix: 'checkin' | 'makeup';
  submitLabel: string;
  running: boolean;
  serverError: string | null;
  onSubmit: (entry: Entry) => void;
}) {
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [note, setNote] = useState('');
  const [share, setShare] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const t = title.trim();
    const m = Number(minutes);
    if (t === '') return setProblem('请填写学习内容');
    if (!Number.isInteger(m) || m < 1 || m > 600) return setProblem('学习时长请填写 1–600 分钟');
    if (note.trim().length > NOTE_MAX) return setProblem(`心得最多${NOTE_MAX}字`);
    setProblem(null);
    onSubmit({ title: t, minutes: m, note: note.trim(), share });
  };

  const shown = problem ?? serverError;
  return (
    <View className='entry-form'>
      <View className='field'>
        <Text className='field__label'>学习内容</Text>
        <Input
          id={`${prefix}-title`}
          className='field__input'
          placeholderClass='placeholder'
          placeholder='例如：学习党章第一章'
          maxlength={TITLE_MAX}
          value={title}
          onInput={(e) => setTitle(e.detail.value)}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>时长（分钟）</Text>
        <Input
          id={`${prefix}-minutes`}
          className='field__input'
          placeholderClass='placeholder'
          type='number'
          maxlength={3}
          value={minutes}
          onInput={(e) => {
            const v = e.detail.value.replace(/\D/g, '').slice(0, 3);
            setMinutes(v);
            return v;
          }}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>
          心得 <Text className='field__hint'>（选填）</Text>
        </Text>
        <Textarea
          id={`${prefix}-note`}
          className='entry-form__note'
          placeholderClass='placeholder'
          placeholder='写几句学习体会'
          maxlength={NOTE_MAX}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
        <Text className='entry-form__count'>
          {note.trim().length} / {NOTE_MAX}
        </Text>
      </View>
      <View className='entry-form__line'>
        <Text className='entry-form__line-label'>分享到支部</Text>
        <Text className='muted'>{share ? '开' : '关'}</Text>
        <Switch id={`${prefix}-share`} checked={share} onChange={(v: boolean) => setShare(v)} />
      </View>
      {shown ? (
        <View className='form-error' id={`${prefix}-error`} role='alert'>
          <Text className='form-error__mark'>!</Text>
          <Text>{shown}</Text>
        </View>
      ) : null}
      <Button id={`${prefix}-submit`} block type='primary' size='large' loading={running} disabled={running} onClick={submit}>
        {submitLabel}
      </Button>
    </View>
  );
}

function Figures({ data }: { data: MyCheckins }) {
  return (
    <View className='streak' id='checkin-figures'>
      <Text className='streak__main' id='checkin-streak'>
        连续打卡 <Text className='streak__num'>{data.currentStreak}</Text> 天
      </Text>
      <View className='streak__tiles'>
        <View className='streak__tiles__item' id='checkin-longest'>
          <Text className='streak__tiles__value'>{data.longestStreak}</Text>
          <Text className='streak__tiles__label'>最长 {data.longestStreak} 天</Text>
        </View>
        <View className='streak__tiles__item' id='checkin-total'>
          <Text className='streak__tiles__value'>{data.total}</Text>
          <Text className='streak__tiles__label'>累计 {data.total} 天</Text>
        </View>
        <View className='streak__tiles__item' id='checkin-makeups-left'>
          <Text className='streak__tiles__value'>{data.makeupsLeftThisMonth}</Text>
          <Text className='streak__tiles__label'>本月还可补卡 {data.makeupsLeftThisMonth} 次</Text>
        </View>
      </View>
    </View>
  );
}

function Calendar({ data, onPick, onMonth, loading }: { data: MyCheckins; onPick: (day: string) => void; onMonth: (m: string) => void; loading: boolean }) {
  const atCurrent = data.month >= data.today.slice(0, 7);
  return (
    <View className='cal' id='checkin-calendar' data-month={data.month}>
      <View className='cal__nav'>
        <Button id='checkin-prev' size='small' fill='outline' disabled={loading} onClick={() => onMonth(shiftMonth(data.month, -1))}>
          ‹ 上个月
        </Button>
        <Text className='cal__title' id='checkin-month'>
          {monthTitle(data.month)}
        </Text>
        <Button id='checkin-next' size='small' fill='outline' disabled={loading || atCurrent} onClick={() => onMonth(shiftMonth(data.month, 1))}>
          下个月 ›
        </Button>
      </View>
      <View className='cal__grid'>
        {WEEK.map((w) => (
          <Text key={w} className='cal__week'>
            {w}
          </Text>
        ))}
        {Array.from({ length: leadingBlanks(data.month) }, (_, i) => (
          <View key={`blank-${i}`} className='cal-day cal-day--blank' />
        ))}
        {data.calendar.map((d) => {
          const look = CHECKIN_DAY[d.status];
          const n = +d.day.slice(8, 10);
          const classes = ['cal-day', `cal-day--${d.status}`, d.day === data.today ? 'cal-day--today' : ''].filter(Boolean).join(' ');
          return (
            <View
              key={d.day}
              id={`day-${d.day}`}
              className={classes}
              data-status={d.status}
              aria-label={`${dayTitle(d.day)}${look.word ? ` ${look.word}` : ''}`}
              hoverClass={d.status === 'makeup_open' ? 'cal-day--pressed' : 'none'}
              onClick={d.status === 'makeup_open' ? () => onPick(d.day) : undefined}
            >
              <Text className='cal-day__num'>{n}</Text>
              <Text className='cal-day__mark'>{look.mark}</Text>
            </View>
          );
        })}
      </View>
      <View className='cal__legend'>
        <Text className='cal__legend-item'>✓ 已打卡</Text>
        <Text className='cal__legend-item'>补 已补卡</Text>
        <Text className='cal__legend-item'>漏 漏打卡</Text>
        <Text className='cal__legend-item'>可补 点按补卡</Text>
        <Text className='cal__legend-item'>今 今天未打卡</Text>
      </View>
      <Text className='cal__hint'>
        漏打的日子 {data.makeupWindowDays} 天内可以补卡，本月还可补 {data.makeupsLeftThisMonth} 次。
      </Text>
    </View>
  );
}

function MakeupForm({ day, onDone, onClose }: { day: string; onDone: () => void; onClose: () => void }) {
  const makeUp = useMutation('checkin', 'makeUp');
  const submit = async (entry: Entry) => {
    const res = await makeUp.run({ ...entry, day });
    if (!res) return;
    void Taro.showToast({ title: '补卡成功', icon: 'success' });
    onDone();
  };
  return (
    <Card id='makeup-form' title={`补卡：${dayTitle(day)}`} extra={<Text id='makeup-close' className='makeup__close' onClick={onClose}>✕ 取消</Text>}>
      <Text className='makeup__desc'>补上这一天的学习记录，补卡后连续天数会接上。</Text>
      <EntryForm key={day} prefix='makeup' submitLabel='补卡' running={makeUp.running} serverError={makeUp.error?.message ?? null} onSubmit={(e) => void submit(e)} />
    </Card>
  );
}

function TodayCard({ data, onChecked }: { data: MyCheckins; onChecked: () => void }) {
  const checkIn = useMutation('checkin', 'checkIn');
  const [justChecked, setJustChecked] = useState(false);
  const [reminder, setReminder] = useState<'idle' | 'asking' | 'on' | 'off'>('idle');

  const submit = async (entry: Entry) => {
    const res = await checkIn.run(entry);
    if (!res) return;
    setJustChecked(true);
    void Taro.showToast({ title: '打卡成功', icon: 'success' });
    onChecked();
  };

  const remind = async () => {
    setReminder('asking');
    try {
      const accepted = await askReminders(['checkin']);
      const on = accepted.includes('checkin');
      setReminder(on ? 'on' : 'off');
      void Taro.showToast({ title: on ? '已开启提醒' : '未开启提醒', icon: 'none' });
    } catch (e) {
      setReminder('idle');
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    }
  };

  if (data.checkedToday || justChecked) {
    return (
      <Card title='学习打卡' id='checkin-today'>
        <View className='notice notice--ok' id='checkin-done'>
          <Text className='notice__title'>✓ 今日已打卡</Text>
          <Text className='notice__text'>明天记得继续学习打卡。</Text>
        </View>
        {justChecked ? (
          reminder === 'on' ? (
            <Text className='checkin-remind__on' id='checkin-remind-on'>
              ✓ 已开启打卡提醒
            </Text>
          ) : (
            <Button id='checkin-remind' block className='btn-gap' fill='outline' loading={reminder === 'asking'} disabled={reminder === 'asking'} onClick={() => void remind()}>
              开启打卡提醒
            </Button>
          )
        ) : null}
      </Card>
    );
  }
  return (
    <Card title='学习打卡' id='checkin-today'>
      <Text className='checkin-today__date'>今天 {dayTitle(data.today)}，还没有打卡</Text>
      <EntryForm prefix='checkin' submitLabel='打卡' running={checkIn.running} serverError={checkIn.error?.message ?? null} onSubmit={(e) => void submit(e)} />
    </Card>
  );
}

function Checkin({ refreshKey }: { refreshKey: number }) {
  const [month, setMonth] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [makeupDay, setMakeupDay] = useState<string | null>(null);
  const state = useAction('checkin', 'getMyCheckins', { month }, [month, tick, refreshKey]);
  const data = state.data;

  if (!data && state.loading) {
    return (
      <Card>
        <LoadingView />
      </Card>
    );
  }
  if (!data) {
    return (
      <Card>
        <ErrorView message={state.error?.message ?? ''} onRetry={state.reload} />
      </Card>
    );
  }
  const reload = () => setTick((t) => t + 1);
  return (
    <>
      <TodayCard data={data} onChecked={reload} />
      <Card title='我的打卡'>
        <Figures data={data} />
      </Card>
      <Card title='打卡日历'>
        {state.error ? (
          <ErrorView message={state.error.message} onRetry={state.reload} />
        ) : (
          <Calendar
            data={data}
            loading={state.loading}
            onMonth={(m) => {
              setMakeupDay(null);
              setMonth(m);
            }}
            onPick={setMakeupDay}
          />
        )}
      </Card>
      {makeupDay ? (
        <MakeupForm
          day={makeupDay}
          onClose={() => setMakeupDay(null)}
          onDone={() => {
            setMakeupDay(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}

export default function StudyPage() {
  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>学习</Text>
        <Text className='page-intro__desc'>每日学习打卡，漏打的日子可以补卡</Text>
      </View>
      <MemberGate why='绑定后才能参加每日学习打卡。'>{(refreshKey) => <Checkin refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
