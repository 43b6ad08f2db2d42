// 竞赛情况: one contest for its organisers — its window, rules and audience; 修改 / 发布 / 取消竞赛;
// participation per unit per day; the flagged answers; and, once it has ended, 生成宣传稿 (a draft
// post in 宣传文章管理 with the winners who chose to show their names and participation by unit).
// A contest of a wider audience (access 'figures') shows read-only: no buttons, and the figures
// and flags of the organiser's own units only (the server scopes them).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ManagedContest } from '@core/contracts';
import PageShell from '@/components/PageShell';
import { askConfirm } from '@/components/Dialog/confirm';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import Loaded from '@/components/Loaded';
import { Button } from '@/components/nut';
import { useAction, useMutation } from '@/hooks';
import { PHASE_LABELS, rulesLines, windowText } from '@/utils/contest-format';
import { goPage, PAGE } from '@/utils/nav';
import { ContestFiguresCard, ContestFlagsCard } from './figures';
import './ui.scss';

function Manage({ c, onChanged, refreshKey }: { c: ManagedContest; onChanged: () => void; refreshKey: number }) {
  const publish = useMutation('quiz', 'publishContest');
  const cancel = useMutation('quiz', 'cancelContest');
  const report = useMutation('quiz', 'draftContestReport');
  const [drafted, setDrafted] = useState<{ postId: string; title: string } | null>(null);
  const manages = c.access === 'manage';
  const editable = manages && c.status !== 'cancelled' && c.phase !== 'ended';

  const onPublish = async () => {
    if (await publish.run({ contestId: c.contestId })) onChanged();
  };
  const onCancel = async () => {
    const answer = await askConfirm({ title: '取消竞赛', content: '取消后党员不能再参加，已答的成绩保留。确定取消吗？', confirmText: '取消竞赛', cancelText: '不取消' });
    if (answer && (await cancel.run({ contestId: c.contestId }))) onChanged();
  };
  const onReport = async () => {
    const post = await report.run({ contestId: c.contestId });
    if (post) setDrafted(post);
  };

  return (
    <>
      <Card>
        <View className='admin-row__head'>
          <Text className={c.phase === 'open' ? 'tag tag--red' : 'tag'} id='qa-phase'>
            {PHASE_LABELS[c.phase]}
          </Text>
          <Text className='tag'>{c.audienceName}</Text>
        </View>
        <Text className='admin-row__title' id='qa-contest-title'>
          {c.title}
        </Text>
        <Text className='admin-row__meta'>时间：{windowText(c.opensAt, c.closesAt)}</Text>
        {c.tags.length > 0 ? <Text className='admin-row__meta'>出题范围：带“{c.tags.join('、')}”标签的题目</Text> : null}
        {rulesLines(c.rules)
          .slice(0, 3)
          .map((line, i) => (
            <Text key={i} className='admin-row__meta'>
              {line}
            </Text>
          ))}
        {c.status === 'cancelled' ? <Text className='notice__title btn-gap'>✕ 竞赛已取消</Text> : null}
        {manages ? null : (
          <View className='notice btn-gap' id='qa-readonly'>
            <Text className='notice__title'>只读：上级组织举办的竞赛</Text>
            <Text className='notice__text'>这是面向{c.audienceName}全体党员的竞赛，由上级组织设置。这里只显示本单位党员的参与情况和异常答题，竞赛设置不能在这里修改。</Text>
          </View>
        )}
        <View className='admin-actions btn-gap'>
          {editable ? (
            <Button id='qa-edit' className='admin-actions__btn' fill='outline' type='primary' onClick={() => goPage(`${PAGE.quizAdminEditor}?id=${c.contestId}`)}>
              {c.status === 'draft' ? '继续编辑' : '延长时间或改名称'}
            </Button>
          ) : null}
          {manages && c.status === 'draft' ? (
            <Button id='qa-publish-now' className='admin-actions__btn' type='primary' loading={publish.running} disabled={publish.running} onClick={() => void onPublish()}>
              发布
            </Button>
          ) : null}
          {editable ? (
            <Button id='qa-cancel' className='admin-actions__btn' fill='outline' loading={cancel.running} disabled={cancel.running} onClick={() => void onCancel()}>
              取消竞赛
            </Button>
          ) : null}
          {manages && c.status === 'published' && c.phase === 'ended' ? (
            <Button id='qa-report' className='admin-actions__btn' type='primary' loading={report.running} disabled={report.running} onClick={() => void onReport()}>
              生成宣传稿
            </Button>
          ) : null}
        </View>
        <FormError id='qa-manage-error' message={publish.error?.message ?? cancel.error?.message ?? report.error?.message ?? null} />
        {drafted ? (
          <View className='notice notice--ok btn-gap' id='qa-report-done'>
            <Text className='notice__title'>✓ 宣传稿草稿已生成：{drafted.title}</Text>
            <Text className='notice__text'>只写入了愿意公开姓名的获奖党员。请核对后发布。</Text>
            <Button id='qa-report-open' block className='btn-gap' type='primary' onClick={() => goPage(`${PAGE.feedEditor}?id=${drafted.postId}`)}>
              去宣传文章管理核对
            </Button>
          </View>
        ) : null}
      </Card>
      {c.status === 'published' ? <ContestFiguresCard contestId={c.contestId} refreshKey={refreshKey} /> : null}
      {c.status !== 'draft' ? <ContestFlagsCard contestId={c.contestId} refreshKey={refreshKey} /> : null}
    </>
  );
}

function Loader({ contestId }: { contestId: string }) {
  const [tick, setTick] = useState(0);
  const contest = useAction('quiz', 'getManagedContest', { contestId }, [contestId, tick]);
  usePullDownRefresh(() => {
    setTick((t) => t + 1);
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  return <Loaded state={contest}>{(c) => <Manage c={c} refreshKey={tick} onChanged={() => setTick((t) => t + 1)} />}</Loaded>;
}

export default function QuizAdminContestPage() {
  const contestId = useRouter().params.id ?? '';
  return (
    <PageShell>
      <AdminGate>{() => <Loader contestId={contestId} />}</AdminGate>
    </PageShell>
  );
}
