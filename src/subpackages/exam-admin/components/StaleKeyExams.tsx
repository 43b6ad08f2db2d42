// After a key corrected in the bank editor: the published exams (and their make-ups) that pinned
// the old key keep grading with it, so each is named here with its graded papers and a link to
// 重新评分 with the new key proposed. The server lists only exams this organiser may regrade.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaleKeyExams as Stale } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { goPage, PAGE } from '@/utils/nav';

interface StaleKeyExamsProps {
  stale: Stale;
  version: number;
  /** The key just saved, proposed on the regrade page. */
  keyJson: string;
}

export default function StaleKeyExams({ stale, version, keyJson }: StaleKeyExamsProps) {
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: PAGE.examBank });
  };
  return (
    <Card title={`已保存为第 ${version} 版`} id='question-stale'>
      <Text className='stale__lead'>下面这些已发布的考试仍按原来的答案评分。答案确实录错了的话，请为每场考试重新评分：</Text>
      {stale.exams.map((e) => (
        <View key={e.examId} className='admin-row' id={`question-stale-${e.examId}`}>
          <Text className='admin-row__title'>{e.title}</Text>
          <Text className='admin-row__meta'>
            {e.makeups.length > 0 ? `含补考“${e.makeups.join('”“')}” · ` : ''}
            {e.attempts} 份答卷 · {formatBeijing(e.closesAt)} 结束
          </Text>
          <Button
            id={`question-regrade-${e.examId}`}
            className='btn-gap'
            type='primary'
            fill='outline'
            onClick={() => goPage(`${PAGE.examRegrade}?id=${e.examId}&qid=${stale.questionId}&key=${encodeURIComponent(keyJson)}`)}
          >
            重新评分 ›
          </Button>
        </View>
      ))}
      <Button id='question-stale-done' className='btn-gap' block onClick={back}>
        不需要，返回
      </Button>
    </Card>
  );
}
