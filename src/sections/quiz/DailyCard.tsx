// The quiz context's section of the 答题 tab: the 每日答题 card on top — today's state (not yet,
// under way, done with its score), the streak, and one big button to start, continue or practise.
// An empty bank is said plainly, with what an organiser can do about it.
import { Text, View } from '@tarojs/components';
import type { DailyState } from '@core/contracts';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import { Button } from '@/components/nut';
import { useAction, useMe } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { scoreText, streakText } from '@/utils/quiz-format';
import './DailyCard.scss';

function Body({ s, canManage }: { s: DailyState; canManage: boolean }) {
  if (!s.available) {
    return (
      <View className='notice notice--wait' id='daily-empty'>
        <Text className='notice__title'>题库里还没有可用于每日答题的题目</Text>
        <Text className='notice__text'>{canManage
            ? '请在“管理后台 → 题库”导入题目，或安装内置题库。考试专用的题，以及正在进行的考试可能抽到的题（到考试结束后一天），都不会出现在每日答题里：考试按标签抽题，其余的题就能用于每日答题。'
            : '暂时没有可答的题目：支部导入题目后，或正在进行的考试结束后，就可以每天答题了。'}</Text>
      </View>
    );
  }
  let line: string;
  let action: string;
  if (s.open) {
    const which = s.open.day !== s.day ? '昨天开始的一组' : s.open.scored ? '今天的答题' : '练习';
    line = `${which}还没答完：已答 ${s.open.answeredCount} / ${s.open.total} 题`;
    action = '继续答题';
  } else if (s.scoredDone) {
    line = `今日已完成：${scoreText(s.todayCorrect ?? 0, s.total)}`;
    action = '再练一组';
  } else {
    line = `今天还没有答题，共 ${s.total} 道题，答完就能看到解析`;
    action = '开始答题';
  }
  return (
    <>
      <Text className={`daily-card__line${s.scoredDone && !s.open ? ' daily-card__line--done' : ''}`} id='daily-line'>
        {s.scoredDone && !s.open ? '✓ ' : ''}
        {line}
      </Text>
      <Text className='daily-card__streak' id='daily-streak'>
        {streakText(s.streak)}
      </Text>
      <Button id='daily-start' block type='primary' size='large' className='daily-card__go' onClick={() => goPage(PAGE.quizDaily)}>
        {action}
      </Button>
      {s.scoredDone && !s.open ? <Text className='daily-card__hint'>每天第一组计分，之后的是练习</Text> : null}
    </>
  );
}

/** The member's daily quiz today, for the 答题 tab; `refreshKey` reloads it when the tab shows again. */
export default function DailyCard({ refreshKey }: { refreshKey: number }) {
  const state = useAction('quiz', 'getDaily', {}, [refreshKey]);
  const { me } = useMe();
  const canManage = me !== undefined && me.bound && me.canManage;
  return (
    <Card title='每日答题' id='daily-card' className='daily-card'>
      <Loaded state={state} bare>
        {(s) => <Body s={s} canManage={canManage} />}
      </Loaded>
    </Card>
  );
}
