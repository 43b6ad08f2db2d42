// The result and review pages both load one attempt's result by the attemptId in the page URL:
// a missing id, loading, or an error with 重试 look the same on both; `children` gets the result.
import type { ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import type { AttemptResult } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView';
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
  if (result.data === undefined && result.loading) {
    return (
      <Card>
        <LoadingView text={props.loadingText} />
      </Card>
    );
  }
  if (result.data === undefined) {
    return (
      <Card>
        <ErrorView message={result.error?.message ?? ''} onRetry={result.reload} />
      </Card>
    );
  }
  return <>{props.children(result.data, attemptId)}</>;
}
