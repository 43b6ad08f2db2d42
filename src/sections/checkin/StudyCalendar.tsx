// 打卡日历: the month calendar (every day's state a word or symbol, never colour alone); a missed day
// still inside the make-up window opens the 补卡 form below it.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MyCheckins } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { ErrorView } from '@/components/StateView';
import { CHECKIN_DAY, dayTitle, leadingBlanks, monthTitle, shiftMonth } from '@/utils/checkin-format';
import MakeupForm from './MakeupForm';
import './StudyCalendar.scss';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

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

export interface StudyCalendarProps {
  /** The month shown, with the member's figures (the tab loads it once for every section). */
  data: MyCheckins;
  loading: boolean;
  error: { message: string } | null;
  onRetry: () => void;
  /** Another month was asked for. */
  onMonth: (month: string) => void;
  /** A make-up was saved: the figures, the calendar and what depends on them reload. */
  onMadeUp: () => void;
}

export default function StudyCalendar({ data, loading, error, onRetry, onMonth, onMadeUp }: StudyCalendarProps) {
  const [makeupDay, setMakeupDay] = useState<string | null>(null);
  return (
    <>
      <Card title='打卡日历'>
        {/* The page loads the month (its Loaded state); here a failed change of month keeps the card. */}
        {error ? (
          <ErrorView message={error.message} onRetry={onRetry} />
        ) : (
          <Calendar
            data={data}
            loading={loading}
            onMonth={(m) => {
              setMakeupDay(null);
              onMonth(m);
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
            onMadeUp();
          }}
        />
      ) : null}
    </>
  );
}
