// 考试总结 on the stats page once the exam has closed: 生成考试总结 drafts a post of its figures in
// the feed (plain paragraphs, read here as text), to open, finish and publish in the feed's editor.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ExamResponses } from '@core/contracts';
import Card from '@/components/Card';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import { useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';

export default function ReportCard({ examId }: { examId: string }) {
  const report = useMutation('exam', 'draftExamReport');
  const [drafted, setDrafted] = useState<ExamResponses['draftExamReport'] | null>(null);

  const run = async () => {
    const d = await report.run({ examId });
    if (d) setDrafted(d);
  };

  return (
    <Card title='考试总结' id='stats-report-card'>
      <Text className='admin-note'>把参考率、及格率和答错较多的题目写成一篇宣传稿草稿，改好后在首页发布。</Text>
      <Button id='stats-report' block className='btn-gap' type='primary' fill={drafted ? 'outline' : undefined} loading={report.running} disabled={report.running} onClick={() => void run()}>
        {drafted ? '重新生成考试总结' : '生成考试总结'}
      </Button>
      <FormError id='stats-report-error' message={report.error?.message ?? null} />
      {drafted ? (
        <View className='notice notice--ok btn-gap' id='stats-report-draft'>
          <Text className='notice__title'>✓ 草稿已生成：{drafted.title}</Text>
          {/* Plain paragraphs, one a line: the feed keeps the HTML, the organiser reads text. */}
          <Text className='notice__text stats-report__text' id='stats-report-text'>
            {drafted.text}
          </Text>
          {drafted.missedHeld ? <Text className='notice__text'>补考还没有结束，答错较多的题目暂不写入；补考结束后重新生成即可加上。</Text> : null}
          <Button id='stats-report-open' block className='btn-gap' type='primary' onClick={() => goPage(`${PAGE.feedEditor}?id=${drafted.postId}`)}>
            打开草稿修改并发布
          </Button>
        </View>
      ) : null}
    </Card>
  );
}
