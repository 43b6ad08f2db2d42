// The end of a round: the score in words, whether it counted for today (the first round) or was
// practice, the points the ledger gave and where they stand against today's cap for 每日答题, the
// streak, and 再练一组.
import { Text, View } from '@tarojs/components';
import type { RoundSummary } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { goTab } from '@/utils/nav';
import { scoreText, streakText } from '@/utils/quiz-format';
import { quizCapText } from './capText';

export default function RoundSummaryView({ summary, starting, onPractice }: { summary: RoundSummary; starting: boolean; onPractice: () => void }) {
  const all = summary.correctCount === summary.total;
  const capText = summary.scored ? quizCapText(summary.pointsDay) : null;
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
      {capText ? (
        <Text className='quiz-summary__line' id='quiz-points-cap'>
          {capText}
        </Text>
      ) : null}
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
