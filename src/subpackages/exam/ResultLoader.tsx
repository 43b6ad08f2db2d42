// The result and review pages both load one attempt's result by the attemptId in the page URL:
// a missing id, loading, or an error with 重试 look the same on both; `children` gets the result.
import type { ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import type { AttemptResult } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction } from '@/hooks';
import { goTab } from '@/utils/nav';

export default function ResultLoader(props: { missingTitle: string; loadingText?: string; children: (r: AttemptResult, attemptId: string) => ReactNode }) {
  const router = useRouter();
  const attemptId = router.params.attemptId ?? '';
  const result = useAction('exam', 'getResult', attemptId ? { attemptId } : null, [attemptId]);
  if (!attemptId) {
    return (
      <Card>
        <EmptyView
          title={props.missingTitle}
          desc='请从“答题”页的“已完成”中查看'
          action={
            <Button block type='primary' onClick={() => goTab('answer')}>
              去答题
            </Button>
          }
        />
      </Card>
    );
  }
  return (
    <Loaded state={result} loadingText={props.loadingText}>
      {(data) => props.children(data, attemptId)}
    </Loaded>
  );
}
