// 知识竞赛管理: the contests whose audience lies in the organiser's subtrees, newest first, each with
// its state and window, and 新建竞赛. A draft opens in the editor, the others on their page. A unit
// organiser also finds the published contests of a wider audience (the organisation's, a 党委's)
// under 上级组织的竞赛: read-only, opening on the figures and flags of their own units. The daily
// quiz's 答题异常 is one tap away.
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ManagedContest } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { useAction, usePaged } from '@/hooks';
import { PHASE_LABELS, windowText } from '@/utils/contest-format';
import { goPage, PAGE } from '@/utils/nav';
import './ui.scss';

function ContestRow({ c }: { c: ManagedContest }) {
  const open = () => goPage(c.status === 'draft' && c.access === 'manage' ? `${PAGE.quizAdminEditor}?id=${c.contestId}` : `${PAGE.quizAdminContest}?id=${c.contestId}`);
  return (
    <View className='admin-row' id={`qa-contest-${c.contestId}`} hoverClass='admin-row--pressed' onClick={open}>
      <View className='admin-row__head'>
        <Text className={c.phase === 'open' ? 'tag tag--red' : 'tag'}>{PHASE_LABELS[c.phase]}</Text>
        <Text className='tag'>{c.audienceName}</Text>
        {c.access === 'figures' ? <Text className='tag'>只读</Text> : null}
      </View>
      <Text className='admin-row__title'>{c.title}</Text>
      <Text className='admin-row__meta'>{windowText(c.opensAt, c.closesAt)}</Text>
      <Text className='admin-row__meta'>
        每局 {c.rules.questionsPerRound} 题 · {c.rules.secondsPerQuestion === null ? '不限时' : `每题 ${c.rules.secondsPerQuestion} 秒`} · 每天前 {c.rules.countingRounds} 局计分
      </Text>
      {c.status === 'draft' ? <Text className='admin-row__meta muted'>尚未发布，党员看不到</Text> : null}
    </View>
  );
}

/**
 * 上级组织的竞赛: published contests of a wider audience that holds the organiser's units, from the
 * first page's `wider` (one item of the organiser's own asked for: the list above pages them).
 * Shown only when there are some: an org admin manages every contest.
 */
function WiderContests({ refreshKey }: { refreshKey: number }) {
  const first = useAction('quiz', 'listManagedContests', { limit: 1 }, [refreshKey]);
  const wider = first.data?.wider ?? [];
  if (wider.length === 0) return null;
  return (
    <Card title='上级组织的竞赛' id='qa-wider'>
      <Text className='admin-note'>上级组织面向包括本单位在内的党员举办的竞赛。您可以查看本单位党员的参与情况和异常答题，不能修改。</Text>
      {wider.map((c) => (
        <ContestRow key={c.contestId} c={c} />
      ))}
    </Card>
  );
}

function ContestsHome() {
  const contests = usePaged('quiz', 'listManagedContests', {}, []);
  const [refreshKey, setRefreshKey] = useState(0);
  const firstShow = useRef(true);
  const reload = () => {
    contests.reload();
    setRefreshKey((k) => k + 1);
  };
  // Back from the editor or a contest's page: states may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else reload();
  });
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  return (
    <>
      <Card>
        <Button id='qa-new' block type='primary' size='large' onClick={() => goPage(PAGE.quizAdminEditor)}>
          新建竞赛
        </Button>
        <Text className='admin-note'>设置时间、每局题数和每题限时（也可以不限时），党员在“答题”页参加；排行榜默认先看各单位的参与情况。</Text>
        <View id='qa-quiz-flags' className='row-link' onClick={() => goPage(PAGE.quizAdminFlags)}>
          <Text>每日答题异常提醒</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      </Card>
      <Card title='竞赛' id='qa-list'>
        <PagedList
          list={contests}
          empty={{ title: '还没有竞赛', desc: '点“新建竞赛”，设置好后发布' }}
          moreId='qa-more'
          endText={`已显示全部 ${contests.items.length} 个竞赛`}
        >
          {(items) => items.map((c) => <ContestRow key={c.contestId} c={c} />)}
        </PagedList>
      </Card>
      <WiderContests refreshKey={refreshKey} />
    </>
  );
}

export default function QuizAdminIndexPage() {
  return (
    <PageShell>
      <AdminGate>{() => <ContestsHome />}</AdminGate>
    </PageShell>
  );
}
