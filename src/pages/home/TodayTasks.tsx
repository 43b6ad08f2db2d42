// 今日任务 on 首页 (the tab's own part, like its greeting): what the member has left today, from one
// call (org.getToday), each row one tap to where it is done; the check-in also done right here
// with one tap. Reloaded whenever 首页 is shown again, so a task done elsewhere is gone on return.
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { TodayTask } from '@core/domain/today';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import { goPage, goTab, PAGE } from '@/utils/nav';
import './TodayTasks.scss';

const GLYPH: Record<TodayTask['kind'], string> = { exam: '考', event: '活', checkin: '学', quiz: '答', contest: '赛' };

/** The one-tap check-in: a plain title and the minutes the check-in form starts with. */
const QUICK_CHECKIN = { title: '学习打卡', minutes: 30 };

/** Where a task is done: the pages the exam and event lists open, the 学习 tab's check-in, today's quiz round, the contest's page. */
function openTask(task: TodayTask): void {
  if (task.kind === 'exam') goPage(`${PAGE.examIntro}?id=${task.id}`);
  else if (task.kind === 'event') goPage(`${PAGE.eventDetail}?id=${task.id}`);
  else if (task.kind === 'contest') goPage(`${PAGE.quizContest}?id=${task.id}`);
  else if (task.kind === 'checkin') goTab('study');
  else goPage(PAGE.quizDaily);
}

function TaskRow({ task, onQuickCheckin, checkingIn }: { task: TodayTask; onQuickCheckin: () => void; checkingIn: boolean }) {
  const rowId = task.id ? `today-${task.kind}-${task.id}` : `today-${task.kind}`;
  return (
    <View className='today-task' id={rowId}>
      <View className='today-task__main' hoverClass='today-task__main--pressed' onClick={() => openTask(task)}>
        <View className={`today-task__glyph today-task__glyph--${task.kind}`}>{GLYPH[task.kind]}</View>
        <View className='today-task__text'>
          <Text className='today-task__title'>{task.title}</Text>
          <Text className='today-task__line'>{task.line}</Text>
        </View>
        <Text className='today-task__go'>›</Text>
      </View>
      {task.kind === 'checkin' ? (
        <View className='today-task__quick'>
          <Button id='today-checkin-quick' type='primary' size='large' loading={checkingIn} disabled={checkingIn} onClick={onQuickCheckin}>
            一键打卡
          </Button>
          <Text className='today-task__hint'>一键打卡记为学习 {QUICK_CHECKIN.minutes} 分钟。要写学习内容，点上面这一行。</Text>
        </View>
      ) : null}
    </View>
  );
}

export default function TodayTasks({ refreshKey }: { refreshKey: number }) {
  const [tick, setTick] = useState(0);
  const state = useAction('org', 'getToday', {}, [refreshKey, tick]);
  const checkIn = useMutation('checkin', 'checkIn');

  // The first show is the first load; later ones (back from a task) reload.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) setTick((k) => k + 1);
    shown.current = true;
  });

  const quickCheckin = async () => {
    const res = await checkIn.run(QUICK_CHECKIN);
    if (!res) return;
    void Taro.showToast({ title: '打卡成功', icon: 'success' });
    setTick((k) => k + 1);
  };

  const view = state.data;
  if (!view) return <LoadingOrError title='今日任务' state={state} />;

  return (
    <Card title='今日任务' id='today-tasks'>
      {view.tasks.length === 0 ? (
        <EmptyView title={view.done.length > 0 ? '今天的任务都完成了' : '今天没有要做的事'} desc='新的考试、活动会显示在这里' />
      ) : (
        <View className='today-list'>
          {view.tasks.map((task) => (
            <TaskRow key={`${task.kind}-${task.id}`} task={task} checkingIn={checkIn.running} onQuickCheckin={() => void quickCheckin()} />
          ))}
        </View>
      )}
      {checkIn.error ? (
        <Text className='today-error' id='today-checkin-error'>
          {checkIn.error.message}
        </Text>
      ) : null}
      {view.done.length > 0 ? (
        <View className='today-done' id='today-done'>
          {view.done.map((line, i) => (
            <Text key={i} className='today-done__line'>
              ✓ {line}
            </Text>
          ))}
        </View>
      ) : null}
    </Card>
  );
}
