// 首页 tab (a place, not a context): greeting, today's tasks (or the bind prompt for an unbound user), quick entries, and for a
// bound member the feed (党建动态) with its ways to 先进典型 and 投稿 — left out in 大字模式, which keeps
// 首页 to today's tasks and the four entries.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { useMe, useSenior } from '@/hooks';
import { greetingAt } from '@/utils/format';
import { goPage, goTab, PAGE, type TAB } from '@/utils/nav';
import type { Me } from '@core/contracts';
import HomeFeed from '@/sections/feed/HomeFeed';
import TodayTasks from './TodayTasks';
import ConsoleSummary from './ConsoleSummary';
import './index.scss';

// A tile opens its tab, or a page of it when it names one (每日答题 opens today's round directly).
const ENTRIES: Array<{ id: string; label: string; glyph: string; tab: keyof typeof TAB; page?: string }> = [
  { id: 'entry-quiz', label: '每日答题', glyph: '答', tab: 'answer', page: PAGE.quizDaily },
  { id: 'entry-study', label: '学习打卡', glyph: '学', tab: 'study' },
  { id: 'entry-exam', label: '考试', glyph: '考', tab: 'answer' },
  { id: 'entry-activity', label: '活动报名', glyph: '活', tab: 'activity' },
];

function BindPrompt({ me }: { me: Extract<Me, { bound: false }> }) {
  const request = me.request;
  return (
    <Card className='home-bind' id='bind-prompt'>
      <Text className='home-bind__title'>您还没有绑定所在党支部</Text>
      <Text className='home-bind__desc'>绑定后才能参加支部的学习、答题、考试和活动。</Text>
      {request?.status === 'pending' ? (
        <View className='notice notice--wait home-bind__notice'>
          <Text className='notice__title'>⏳ 已提交，等待支部管理员确认</Text>
          <Text className='notice__text'>申请加入：{request.unitName}</Text>
        </View>
      ) : null}
      {request?.status === 'rejected' ? (
        <View className='notice notice--bad home-bind__notice'>
          <Text className='notice__title'>✕ 上次的绑定申请没有通过</Text>
          {request.reason ? <Text className='notice__text'>原因：{request.reason}</Text> : null}
        </View>
      ) : null}
      <Button id='go-bind' block className='btn-gap' type='primary' size='large' onClick={() => goPage(PAGE.bind)}>
        去绑定
      </Button>
    </Card>
  );
}

export default function HomePage() {
  const { me, error, loading, reload } = useMe();
  const [senior] = useSenior();
  const [refreshKey, setRefreshKey] = useState(0);
  const [feedOpen, setFeedOpen] = useState(false);

  usePullDownRefresh(() => {
    reload();
    setRefreshKey((k) => k + 1);
    // The refresh indicator only needs to acknowledge the pull; data arrives through useMe.
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const greeting = greetingAt(Date.now());
  const member = me?.bound ? me.member : null;

  let body;
  if (me === undefined) {
    // useMe reports loading until there is an answer or an error, so this is one or the other.
    body = <LoadingOrError state={{ loading, error, reload }} />;
  } else if (!me.bound) {
    body = <BindPrompt me={me} />;
  } else {
    body = <TodayTasks refreshKey={refreshKey} />;
  }

  return (
    <PageShell className='home'>
      <View className='home-hero'>
        <Text className='home-hero__greeting'>
          {greeting}
          {member ? `，${member.name}` : ''}
        </Text>
        <Text className='home-hero__sub'>{member ? `${member.unit.name} · ${member.org.name}` : '欢迎使用党员学习'}</Text>
      </View>

      <View className='home-body'>
        {me?.bound && me.canManage ? <ConsoleSummary refreshKey={refreshKey} /> : null}
        {body}

        <Card title='常用功能'>
          <View className='home-grid'>
            {ENTRIES.map((e) => (
              <View key={e.id} id={e.id} className='home-grid__item' hoverClass='home-grid__item--pressed' onClick={() => (e.page ? goPage(e.page) : goTab(e.tab))}>
                <View className='home-grid__glyph'>{e.glyph}</View>
                <Text className='home-grid__label'>{e.label}</Text>
              </View>
            ))}
          </View>
        </Card>

        {/* 大字模式 keeps 首页 to today's tasks and the four entries; the feed stays one tap away. */}
        {member && (!senior || feedOpen) ? <HomeFeed refreshKey={refreshKey} /> : null}
        {member && senior && !feedOpen ? (
          <View id='home-feed-open' className='home-feed-open' hoverClass='home-grid__item--pressed' onClick={() => setFeedOpen(true)}>
            <Text>看组织动态和先进典型 ›</Text>
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
