// 知识竞赛管理: the contests whose audience lies in the organiser's subtrees, newest first, each with
// its state and window, and 新建竞赛. A draft opens in the editor, the others on their page. The
// daily quiz's 答题异常 is one tap away.
import { useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ManagedContest } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { PHASE_LABELS, windowText } from '@/utils/contest-format';
import { goPage, PAGE } from '@/utils/nav';
import './ui.scss';

function ContestRow({ c }: { c: ManagedContest }) {
  const open = () => goPage(c.status === 'draft' ? `${PAGE.quizAdminEditor}?id=${c.contestId}` : `${PAGE.quizAdminContest}?id=${c.contestId}`);
  return (
    <View className='admin-row' id={`qa-contest-${c.contestId}`} hoverClass='admin-row--pressed' onClick={open}>
      <View className='admin-row__head'>
        <Text className={c.phase === 'open' ? 'tag tag--red' : 'tag'}>{PHASE_LABELS[c.phase]}</Text>
        <Text className='tag'>{c.audienceName}</Text>
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

function ContestsHome() {
  const contests = usePaged('quiz', 'listManagedContests', {}, []);
  const firstShow = useRef(true);
  // Back from the editor or a contest's page: states may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else contests.reload();
  });
  usePullDownRefresh(() => {
    contests.reload();
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
