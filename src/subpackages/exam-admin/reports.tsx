// 纠错反馈: what members reported as wrong in a question, newest first. The organiser edits the
// question (a new version) and marks the report 已修改, or answers why it stays (不予采纳); the
// member can read the reply. A report filed on an exam can go straight to 更正答案并重新评分,
// which marks it 已修改 once the regrade is done.
import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { QuestionReportRow } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { useMutation, usePaged } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import './components/ui.scss';
import './reports.scss';

type Tab = 'open' | 'closed';
type Resolution = 'fixed' | 'dismissed';

const RESOLUTION_WORD: Record<QuestionReportRow['status'], string> = {
  open: '○ 待处理',
  fixed: '✓ 已修改',
  dismissed: '— 不予采纳',
};

function ReportItem({ item, done, onDone }: { item: QuestionReportRow; done: Resolution | undefined; onDone: (id: string, r: Resolution) => void }) {
  const resolve = useMutation('exam', 'resolveQuestionReport');
  const [reply, setReply] = useState('');
  const status = done ?? item.status;

  const run = async (resolution: Resolution) => {
    const res = await resolve.run({ reportId: item.id, resolution, reply: reply.trim() });
    if (res) onDone(item.id, resolution);
  };

  return (
    <View className='admin-row' id={`report-${item.id}`}>
      <View className='admin-row__head'>
        <Text className={status === 'fixed' ? 'tag tag--ok' : status === 'open' ? 'tag tag--gold' : 'tag'}>{RESOLUTION_WORD[status]}</Text>
        <Text className='muted'>{formatBeijing(item.createdAt)}</Text>
      </View>
      <Text className='report__stem clamp-2 btn-gap'>题目：{item.stem}</Text>
      <Text className='report__note'>纠错说明：{item.note}</Text>
      <Text className='admin-row__meta'>
        {item.memberName}
        {item.unitName ? ` · ${item.unitName}` : ''}
      </Text>
      <View id={`report-edit-${item.id}`} className='report__edit' onClick={() => goPage(`${PAGE.examQuestion}?id=${item.questionId}`)}>
        修改这道题 ›
      </View>
      {item.examId && !item.keyHeld ? (
        <View id={`report-regrade-${item.id}`} className='report__edit' onClick={() => goPage(`${PAGE.examRegrade}?id=${item.examId}&qid=${item.questionId}&report=${item.id}`)}>
          答案录错了？更正答案并重新评分 ›
        </View>
      ) : null}
      {item.status !== 'open' && item.reply ? <Text className='admin-row__meta'>回复：{item.reply}</Text> : null}

      {status === 'open' ? (
        <View className='report__reply'>
          <Text className='field__label'>
            回复党员<Text className='field__hint'> 选填</Text>
          </Text>
          <Input
            id={`report-reply-${item.id}`}
            className='field__input'
            placeholderClass='placeholder'
            placeholder='例如：已更正答案，谢谢指出'
            maxlength={200}
            value={reply}
            onInput={(e) => setReply(e.detail.value)}
          />
          <FormError message={resolve.error?.message} className='btn-gap' />
          <View className='admin-row__actions'>
            <Button id={`report-fixed-${item.id}`} className='report__btn' type='primary' loading={resolve.running} onClick={() => void run('fixed')}>
              已修改
            </Button>
            <Button id={`report-dismiss-${item.id}`} className='report__btn' fill='outline' disabled={resolve.running} onClick={() => void run('dismissed')}>
              不予采纳
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

function Reports({ tab }: { tab: Tab }) {
  const list = usePaged('exam', 'listQuestionReports', { status: tab }, [tab]);
  const [done, setDone] = useState<Record<string, Resolution>>({});
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else {
      setDone({});
      list.reload();
    }
  });

  const onDone = (id: string, r: Resolution) => {
    setDone((d) => ({ ...d, [id]: r }));
    void Taro.showToast({ title: r === 'fixed' ? '已标为已修改' : '已标为不予采纳', icon: 'none' });
  };

  return (
    <PagedList
      list={list}
      empty={tab === 'open' ? { title: '没有待处理的纠错', desc: '党员答题后认为题目有误时，会在这里看到' } : { title: '还没有处理过的纠错' }}
      id='report-list'
      moreId='report-more'
      endText={`已显示全部 ${list.items.length} 条`}
    >
      {(items) => items.map((it) => <ReportItem key={it.id} item={it} done={done[it.id]} onDone={onDone} />)}
    </PagedList>
  );
}

function ReportsHome() {
  const [tab, setTab] = useState<Tab>('open');
  return (
    <>
      <Card>
        <Chips
          id='reports'
          options={[
            { value: 'open' as Tab, label: '待处理' },
            { value: 'closed' as Tab, label: '已处理' },
          ]}
          selected={[tab]}
          onToggle={setTab}
        />
      </Card>
      <Card>
        <Reports key={tab} tab={tab} />
      </Card>
    </>
  );
}

export default function ReportsPage() {
  return (
    <PageShell>
      <AdminGate>{() => <ReportsHome />}</AdminGate>
    </PageShell>
  );
}
