// 专项行动: the campaigns that reach the organiser's units — their own and those from above —
// 进行中 or 已结束, each with its unit, the stage it is in and the next due day in words; 发起专项行动
// opens the editor, 实事清单 the task lists.
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { CampaignSummary } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Loaded from '@/components/Loaded';
import Segments from '@/components/Segments';
import { EmptyView } from '@/components/StateView';
import { Button } from '@/components/nut';
import { useAction } from '@/hooks';
import { dayRangeText, dueWords } from '@/utils/campaign-format';
import { goPage, PAGE } from '@/utils/nav';
import './components/campaign-ui.scss';
import './index.scss';

type Tab = 'open' | 'closed';
const TABS = [
  { value: 'open' as const, label: '进行中' },
  { value: 'closed' as const, label: '已结束' },
];

function CampaignRow({ c, today }: { c: CampaignSummary; today: string }) {
  // The list answers the current stage by its name.
  const stage = c.currentStage;
  const due = c.status === 'open' && c.nextDueDay ? dueWords(c.nextDueDay, today) : null;
  return (
    <View className='admin-row' id={`campaign-${c.campaignId}`} hoverClass='admin-row--pressed' onClick={() => goPage(`${PAGE.campaignDetail}?id=${c.campaignId}`)}>
      <View className='admin-row__head'>
        <Text className={c.status === 'open' ? 'tag tag--red' : 'tag'}>{c.status === 'open' ? '进行中' : '已结束'}</Text>
        {c.own ? <Text className='tag tag--gold'>本级发起</Text> : <Text className='tag'>上级部署</Text>}
      </View>
      <Text className='admin-row__title cmp-card__title'>{c.title}</Text>
      <Text className='admin-row__meta'>发起单位：{c.unitName}</Text>
      <Text className='admin-row__meta'>
        {dayRangeText(c.startDay, c.endDay, today)}
        {stage ? ` · 当前：${stage}` : ''}
      </Text>
      {due ? (
        <Text className={`cmp-card__due${due === '今天截止' || due === '明天截止' ? ' cmp-card__due--warn' : ''}`}>下一次报送：{dayRangeText(c.nextDueDay ?? '', c.nextDueDay ?? '', today)}，{due}</Text>
      ) : null}
    </View>
  );
}

function CampaignsHome() {
  const [tab, setTab] = useState<Tab>('open');
  const list = useAction('campaign', 'listCampaigns', { status: tab }, [tab]);
  const firstShow = useRef(true);
  const today = beijingDayKey(Date.now());

  // Back from the editor or a campaign: the list may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else list.reload();
  });
  usePullDownRefresh(() => {
    list.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  return (
    <>
      <Card>
        <Button id='campaign-new' block type='primary' size='large' onClick={() => goPage(PAGE.campaignEditor)}>
          发起专项行动
        </Button>
        <Text className='admin-note'>分阶段部署学习教育等专项行动：设阶段和报送要求，关联考试、打卡、活动，下级单位按时报送方案和报告。</Text>
        <View id='campaign-tasks' className='row-link btn-gap' onClick={() => goPage(PAGE.campaignTasks)}>
          <Text>实事清单 · 问题清单 · 责任清单</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      </Card>

      <Card title='专项行动' id='campaign-list'>
        <Segments id='campaign-tab' options={TABS} value={tab} onChange={setTab} />
        <View className='btn-gap'>
          <Loaded state={list} bare fresh>
            {(data) =>
              data.items.length === 0 ? (
                <EmptyView
                  title={tab === 'open' ? '没有进行中的专项行动' : '没有已结束的专项行动'}
                  desc={tab === 'open' ? '点“发起专项行动”，设阶段和报送要求后发起；上级部署的行动也会列在这里' : undefined}
                />
              ) : (
                data.items.map((c) => <CampaignRow key={c.campaignId} c={c} today={today} />)
              )
            }
          </Loaded>
        </View>
      </Card>
    </>
  );
}

export default function CampaignAdminIndexPage() {
  return (
    <PageShell>
      <AdminGate>{() => <CampaignsHome />}</AdminGate>
    </PageShell>
  );
}
