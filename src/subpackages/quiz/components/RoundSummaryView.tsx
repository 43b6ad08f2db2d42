// The end of a round: the score in words, whether it counted for today (the first round) or was
// practice, the points the ledger gave and where they stand against today's cap for 每日答题, the
// streak, and 再练一组.
import { Text, View } from '@tarojs/components';
import type { MyPoints, RoundSummary } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { useAction } from '@/hooks';
import { goTab } from '@/utils/nav';
import { scoreText, streakText } from '@/utils/quiz-format';

/**
 * '今日每日答题积分 4/5' or '今日每日答题积分 5/5，已达上限', from 我的积分's own figures (the cap is the
 * organisation's rule of the day, which the round's answer does not carry); null when there is
 * no cap to show: the source is switched off (cap 0), or the round belongs to another day than
 * the ledger's today (a round begun before midnight and finished after it).
 */
export function quizCapText(p: Pick<MyPoints, 'today' | 'bySource'>, roundDay: string): string | null {
  const quiz = p.bySource.find((s) => s.source === 'quiz');
  if (!quiz || quiz.cap === 0 || p.today !== roundDay) return null;
  return `今日${quiz.label}积分 ${quiz.earned}/${quiz.cap}${quiz.earned >= quiz.cap ? '，已达上限' : ''}`;
}

/** The cap line of a scored round: one call to 我的积分's figures (4 reads, pinned in the points tests). */
function CapLine({ summary }: { summary: RoundSummary }) {
  const mine = useAction('points', 'myPoints', summary.scored ? {} : null, [summary.roundId, summary.scored]);
  // Inline and quiet on purpose: the points line above already says what the round earned; while
  // loading, or if the call fails, the cap is simply not shown (再练一组 must not wait on it).
  const text = mine.data ? quizCapText(mine.data, summary.day) : null;
  if (!text) return null;
  return (
    <Text className='quiz-summary__line' id='quiz-points-cap'>
      {text}
    </Text>
  );
}

export default function RoundSummaryView({ summary, starting, onPractice }: { summary: RoundSummary; starting: boolean; onPractice: () => void }) {
  const all = summary.correctCount === summary.total;
  return (
    <Card className='quiz-summary' id='quiz-summary'>
      <Text className='quiz-summary__title'>{all ? '全部答对，真棒！' : '本组答完了'}</Text>
      <Text className='quiz-summary__score' id='quiz-score'>
        {scoreText(summary.correctCount, summary.total)}
      </Text>
      <Text className={`quiz-kind ${summary.scored ? 'quiz-kind--scored' : ''}`} id='quiz-kind'>
        {summary.scored ? '今日得分已记录' : '练习：不计入今日得分'}
      </Text>
      {summary.points !== null ? (
        <Text className='quiz-summary__line' id='quiz-points'>
          获得积分 {summary.points} 分
        </Text>
      ) : null}
      {summary.scored ? <CapLine summary={summary} /> : null}
      <Text className='quiz-summary__streak' id='quiz-streak'>
        {streakText(summary.streak)}
      </Text>
      <View className='quiz-summary__actions'>
        <Button id='quiz-practice' block type='primary' size='large' loading={starting} disabled={starting} onClick={onPractice}>
          再练一组
        </Button>
        <Button id='quiz-back' block fill='outline' size='large' className='btn-gap' onClick={() => goTab('answer')}>
          返回答题
        </Button>
      </View>
    </Card>
  );
}
