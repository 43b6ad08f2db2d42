// The end of a round: the score in words, whether it counted for today (the first round) or was
// practice, the points the ledger gave and where they stand against today's cap for 每日答题, the
// streak, and 再练一组.
import { Text, View } from '@tarojs/components';
import type { RoundSummary } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { useAction } from '@/hooks';
import { goTab } from '@/utils/nav';
import { scoreText, streakText } from '@/utils/quiz-format';
import { quizCapText } from './capText';

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
