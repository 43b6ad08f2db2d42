// 修改记录: one question's changes, newest first — which version, when, who, from which file (an
// import), the editor or a regrade, and what changed, in the words of the import's preview.
// Reached from the question's page. While the question's key is held from this organiser (an open
// exam they may still take), a line about the answer says only that it changed.
import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { QuestionChange } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Loaded from '@/components/Loaded';
import PagedList from '@/components/PagedList';
import { useAction, usePaged } from '@/hooks';
import './components/ui.scss';
import './history.scss';

/** Where a change came from, as an organiser would say it. */
function sourceText(c: QuestionChange): string {
  if (c.source === 'import') return c.fileName ? `从文件“${c.fileName}”导入` : '从文件导入';
  if (c.source === 'regrade') return '更正答案并重新评分';
  return '在题库中修改';
}

function ChangeItem({ c }: { c: QuestionChange }) {
  return (
    <View className='admin-row' id={`qhistory-${c.id}`}>
      <View className='qhistory__head'>
        <Text className='qhistory__version'>第 {c.version} 版</Text>
        <Text className='qhistory__when'>{formatBeijing(c.at)}</Text>
      </View>
      <Text className='qhistory__who'>
        {c.byName} · {sourceText(c)}
      </Text>
      {c.changes.map((line, i) => (
        <Text key={i} className='qhistory__change'>
          {line}
        </Text>
      ))}
    </View>
  );
}

function History({ questionId }: { questionId: string }) {
  const question = useAction('exam', 'getQuestion', { questionId }, [questionId]);
  const list = usePaged('exam', 'listQuestionHistory', { questionId }, [questionId]);
  const held = list.items.some((c) => c.keyHeld);
  return (
    <>
      <Loaded state={question}>
        {(q) => (
          <Card id='qhistory-question'>
            <Text className='qhistory__stem clamp-2'>{q.stem}</Text>
            <Text className='qhistory__who'>现在是第 {q.version} 版</Text>
            {held ? (
              <View className='notice notice--wait qhistory__held' role='status'>
                <Text className='notice__text'>这道题在您还可以参加的考试中，答案的改动暂不显示具体内容。</Text>
              </View>
            ) : null}
          </Card>
        )}
      </Loaded>
      <Card title='谁在什么时候改了什么'>
        <PagedList
          list={list}
          id='qhistory-list'
          moreId='qhistory-more'
          endText={`共 ${list.items.length} 条记录`}
          empty={{ title: '还没有修改记录', desc: '导入新版本、在这里修改、停用或更正答案后，会记下谁在什么时候改了什么' }}
        >
          {(items) => items.map((c) => <ChangeItem key={c.id} c={c} />)}
        </PagedList>
      </Card>
    </>
  );
}

export default function QuestionHistoryPage() {
  const router = useRouter();
  const questionId = router.params.id || '';
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '修改记录' });
  }, []);
  return (
    <PageShell>
      <AdminGate>{() => <History questionId={questionId} />}</AdminGate>
    </PageShell>
  );
}
