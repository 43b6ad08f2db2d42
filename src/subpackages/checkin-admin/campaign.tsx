// 活动进度: one campaign in one branch — how many members stand where (已达标, 进度正常, 进度落后,
// 未能达标), each member's days against the required number, and the list of those behind, ready
// to paste into the group chat. The branches offered are the organiser's branches in its audience.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { CampaignProgressRow, CampaignSummary, ManagedUnit } from '@core/contracts';
import { CAMPAIGN_STANDING_TEXT, campaignLength, type CampaignStanding } from '@core/domain/checkin';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import { Button } from '@/components/nut';
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView';
import { copyText } from '@/api';
import { useAction } from '@/hooks';
import Trend from './components/Trend';
import { dayRangeText, percent } from '@/utils/format';
import './components/ui.scss';
import './campaign.scss';
import { isPickableUnit } from '@core/domain/units';

/** Those who need a word first, then the rest. */
const STANDINGS: CampaignStanding[] = ['missed', 'behind', 'on_track', 'completed', 'upcoming'];

function ProgressItem({ row, required }: { row: CampaignProgressRow; required: number }) {
  return (
    <View className='ca-row' id={`progress-${row.memberId}`} data-standing={row.standing}>
      <View className='ca-row__head'>
        <Text className='ca-row__title'>{row.name}</Text>
        <Text className='progress-days'>
          {row.doneDays}/{required} 天
        </Text>
        <Text className={`tag ca-standing--${row.standing}`}>{CAMPAIGN_STANDING_TEXT[row.standing]}</Text>
      </View>
      <View className='ca-bar'>
        <View className={row.standing === 'completed' ? 'ca-bar__fill ca-bar__fill--ok' : 'ca-bar__fill'} style={{ width: `${percent(row.doneDays, required)}%` }} />
      </View>
    </View>
  );
}

function Progress({ campaign, branches }: { campaign: CampaignSummary; branches: ManagedUnit[] }) {
  const [unitId, setUnitId] = useState(branches[0]?.id ?? '');
  const progress = useAction('checkin', 'campaignProgress', unitId ? { campaignId: campaign.id, unitId } : null, [campaign.id, unitId]);

  usePullDownRefresh(() => {
    progress.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const data = progress.loading ? undefined : progress.data;
  const copy = async () => {
    if (!data || data.behindText === '') {
      void Taro.showToast({ title: '没有进度落后的党员', icon: 'none' });
      return;
    }
    try {
      await copyText(data.behindText);
      void Taro.showToast({ title: '已复制', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };

  return (
    <>
      <Card id='progress-head'>
        <Text className='progress-head__title'>{campaign.title}</Text>
        <Text className='ca-row__meta'>{dayRangeText(campaign.startDay, campaign.endDay)}</Text>
        <Text className='ca-row__meta'>
          打卡满 {campaign.requiredDays} 天达标 · 共 {campaignLength(campaign)} 天
        </Text>
        {campaign.description ? <Text className='progress-head__desc'>{campaign.description}</Text> : null}
        {branches.length > 1 ? (
          <>
            <Text className='ca-label'>支部</Text>
            <Chips id='progress-unit' options={branches.map((b) => ({ value: b.id, label: b.name }))} selected={[unitId]} onToggle={setUnitId} />
          </>
        ) : null}
      </Card>

      {branches.length === 0 ? (
        <Card>
          <EmptyView title='这个活动不包括您管理的支部' />
        </Card>
      ) : progress.loading ? (
        <Card>
          <LoadingView />
        </Card>
      ) : !data ? (
        <Card>
          <ErrorView message={progress.error?.message ?? ''} onRetry={progress.reload} />
        </Card>
      ) : (
        <>
          <Card title={data.unitName} id='progress-summary'>
            <View className='progress-counts' id='progress-counts'>
              {STANDINGS.map((s) => (
                <View key={s} className={`progress-counts__item ca-standing--${s}`} id={`progress-count-${s}`} data-count={data.counts[s] ?? 0}>
                  <Text className='progress-counts__value'>{data.counts[s] ?? 0}</Text>
                  <Text className='progress-counts__label'>{CAMPAIGN_STANDING_TEXT[s]}</Text>
                </View>
              ))}
            </View>
            <View className='ca-textbox' id='progress-behind-text'>
              <Text>{data.behindText || `${data.unitName}没有进度落后的党员`}</Text>
            </View>
            <Button id='progress-copy' block type='primary' fill='outline' onClick={() => void copy()}>
              复制落后名单
            </Button>
          </Card>
          <Trend
            units={branches.map((b) => ({ unitId: b.id, unitName: b.name }))}
            refreshKey={0}
            campaignId={campaign.id}
            title='活动期间每日完成率'
            id='campaign-trend'
          />
          <Card title='每人进度' id='progress-list'>
            {data.rows.length === 0 ? (
              <EmptyView title='支部名单是空的' />
            ) : (
              data.rows.map((r) => <ProgressItem key={r.memberId} row={r} required={campaign.requiredDays} />)
            )}
          </Card>
        </>
      )}
    </>
  );
}

/** The campaign (from the organiser's list) and the managed branches it reaches. */
function CampaignLoader({ campaignId }: { campaignId: string }) {
  const list = useAction('checkin', 'listCampaigns', {}, []);
  const units = useAction('org', 'listUnits', {}, []);
  if ((list.loading && !list.data) || (units.loading && !units.data)) {
    return (
      <Card>
        <LoadingView />
      </Card>
    );
  }
  if (!list.data || !units.data) {
    const retry = () => {
      list.reload();
      units.reload();
    };
    return (
      <Card>
        <ErrorView message={list.error?.message ?? units.error?.message ?? ''} onRetry={retry} />
      </Card>
    );
  }
  const campaign = list.data.find((c) => c.id === campaignId);
  if (!campaign) {
    return (
      <Card>
        <EmptyView title='找不到这个打卡活动' desc='它可能已被删除，或不包括您管理的支部' />
      </Card>
    );
  }
  const managed = units.data.units.filter(isPickableUnit);
  // Audience by name: an empty list is the whole organisation.
  const branches = campaign.audienceNames.length ? managed.filter((u) => campaign.audienceNames.includes(u.name)) : managed;
  return <Progress campaign={campaign} branches={branches} />;
}

export default function CheckinCampaignPage() {
  const router = useRouter();
  const campaignId = router.params.id || '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          campaignId ? (
            <CampaignLoader campaignId={campaignId} />
          ) : (
            <Card>
              <EmptyView title='没有指定打卡活动' desc='请从“打卡活动”进入' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
