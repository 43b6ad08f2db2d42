// 专项行动详情: at the top what needs the organiser — per report asked, how many are late, missing
// or returned (报送情况 opens the list), and the reports their own unit owes upward (去填写, and
// 开启报送提醒 for the reminders before a due day) — then
// the stages with the current one marked (生成阶段总结 drafts a post for the feed), the attached
// activities with their figures (each opens its own page), and 导出四落实评估, 查看未参加名单,
// 修改 and 结束行动 (still taking late reports, or no more).
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { CampaignResponses, CampaignView } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import Dialog from '@/components/Dialog';
import FormError from '@/components/FormError';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { Button } from '@/components/nut';
import { openFile } from '@/api';
import { useAction, useMutation } from '@/hooks';
import {
  ACTIVITY_KIND_LABELS,
  activityFigure,
  dayRangeText,
  dayText,
  dueWords,
  lateText,
  ownState,
  REPORT_KIND_LABELS,
  REPORT_STATE_LABELS,
  REPORT_STATE_TAG,
} from '@/utils/campaign-format';
import { goPage, PAGE } from '@/utils/nav';
import { ReportReminder } from './components/ReportReminder';
import { stageName } from './components/stageName';
import ReportTotals from './components/ReportTotals';
import './components/campaign-ui.scss';
import './detail.scss';

function reportUrl(campaignId: string, askKey: string, unitId: string): string {
  return `${PAGE.campaignReport}?id=${campaignId}&ask=${askKey}&unit=${unitId}`;
}

/** What needs the organiser: the units below who are late, missing or returned, per ask; and their own reports owed. */
function NeedsCard({ v, today }: { v: CampaignView; today: string }) {
  const asks = new Map(v.asks.map((a) => [a.key, a]));
  return (
    <>
      {v.ownReports.length > 0 ? (
        <Card title={`${v.seenFrom.unitName}要报送的材料`} id='campaign-own'>
          {v.ownReports.map((r) => {
            const ask = asks.get(r.askKey);
            const state = ownState(r.state, r.dueDay, today);
            const open = state === 'pending' || state === 'missing' || state === 'draft' || state === 'returned';
            return (
              <View key={r.askKey} className='admin-row' id={`campaign-own-${r.askKey}`}>
                <View className='admin-row__head'>
                  <Text className={REPORT_STATE_TAG[state]}>{REPORT_STATE_LABELS[state]}</Text>
                  {r.lateMinutes ? <Text className='tag tag--red'>{lateText(r.lateMinutes)}</Text> : null}
                </View>
                <Text className='admin-row__title cmp-title-gap'>{ask?.title ?? REPORT_KIND_LABELS.plan}</Text>
                <Text className='admin-row__meta'>
                  截止 {dayText(r.dueDay, today)}
                  {state === 'pending' || state === 'draft' ? `，${dueWords(r.dueDay, today)}` : ''}
                </Text>
                <Button
                  id={`campaign-own-${r.askKey}-open`}
                  className='btn-gap'
                  block
                  type={open ? 'primary' : 'default'}
                  fill={open ? 'solid' : 'outline'}
                  onClick={() => goPage(reportUrl(v.campaignId, r.askKey, v.seenFrom.unitId))}
                >
                  {state === 'returned' ? '修改后重新报送' : open ? '去填写' : '查看报告'}
                </Button>
              </View>
            );
          })}
          {/* The reminders reach this unit's own organisers: offered where they act on its reports. */}
          <ReportReminder id='campaign-own-remind' apart />
        </Card>
      ) : null}

      {v.askTotals.length > 0 ? (
        <Card title='下级报送情况' id='campaign-totals'>
          {v.askTotals.map((t) => {
            const ask = asks.get(t.askKey);
            if (!ask) return null;
            const attention = t.late + t.missing + t.returned > 0;
            return (
              <View key={t.askKey} className='admin-row' id={`campaign-total-${t.askKey}`}>
                <Text className='admin-row__title'>{ask.title}</Text>
                <Text className='admin-row__meta'>
                  {ask.title === REPORT_KIND_LABELS[ask.kind] ? '' : `${REPORT_KIND_LABELS[ask.kind]} · `}截止 {dayText(ask.dueDay, today)}（{dueWords(ask.dueDay, today)}）
                </Text>
                <ReportTotals totals={t} className='btn-gap' />
                <Text className={attention ? 'cmp-line cmp-line--warn' : 'cmp-line'} id={`campaign-total-${t.askKey}-line`}>
                  {attention ? `需要处理：晚交 ${t.late} · 未交 ${t.missing} · 退回 ${t.returned}` : `没有晚交、未交或退回 · 已通过 ${t.accepted}`}
                </Text>
                <Button
                  id={`campaign-total-${t.askKey}-reports`}
                  className='btn-gap'
                  block
                  type='primary'
                  fill='outline'
                  onClick={() => goPage(`${PAGE.campaignReports}?id=${v.campaignId}&ask=${t.askKey}&unit=${v.seenFrom.unitId}`)}
                >
                  报送情况
                </Button>
              </View>
            );
          })}
        </Card>
      ) : null}
    </>
  );
}

/** 生成阶段总结: a draft post about one stage, to finish and publish in the feed's editor. */
function StageDraft({ v, stageKey }: { v: CampaignView; stageKey: string }) {
  const draft = useMutation('campaign', 'draftStageReport');
  const [drafted, setDrafted] = useState<CampaignResponses['draftStageReport'] | null>(null);
  const run = async () => {
    const d = await draft.run({ campaignId: v.campaignId, stageKey, unitId: v.seenFrom.unitId });
    if (d) setDrafted(d);
  };
  return (
    <>
      <Button id={`campaign-stage-${stageKey}-draft`} className='btn-gap' block fill='outline' type='primary' loading={draft.running} disabled={draft.running} onClick={() => void run()}>
        {drafted ? '重新生成阶段总结' : '生成阶段总结'}
      </Button>
      <FormError id={`campaign-stage-${stageKey}-draft-error`} className='btn-gap' message={draft.error?.message ?? null} />
      {drafted ? (
        <View className='notice notice--ok btn-gap' id={`campaign-stage-${stageKey}-drafted`}>
          <Text className='notice__title'>✓ 草稿已生成：{drafted.title}</Text>
          {/* Plain paragraphs, one a line: the feed keeps the HTML, the organiser reads text. */}
          <Text className='notice__text cmp-draft-text'>{drafted.text}</Text>
          <Button id={`campaign-stage-${stageKey}-draft-open`} block className='btn-gap' type='primary' onClick={() => goPage(`${PAGE.feedEditor}?id=${drafted.postId}`)}>
            打开草稿修改并发布
          </Button>
        </View>
      ) : null}
    </>
  );
}

function StagesCard({ v, today }: { v: CampaignView; today: string }) {
  return (
    <Card title='阶段安排' id='campaign-stage-list'>
      {v.stages.map((s, i) => {
        const current = s.key === v.currentStage;
        return (
          <View key={s.key} className={current ? 'cmp-box cmp-box--on' : 'cmp-box'} id={`campaign-stage-${s.key}`}>
            <View className='cmp-box__head'>
              <Text>
                {i + 1}. {s.name}
              </Text>
              {current ? <Text className='tag tag--red'>✓ 当前阶段</Text> : s.endDay < today ? <Text className='tag'>已结束</Text> : <Text className='tag'>未开始</Text>}
            </View>
            <Text className='cmp-line'>{dayRangeText(s.startDay, s.endDay, today)}</Text>
            {/* A stage's summary is drafted once it has ended (the server says the same). */}
            {s.endDay < today ? <StageDraft v={v} stageKey={s.key} /> : current ? <Text className='cmp-line'>本阶段结束后可生成阶段总结</Text> : null}
          </View>
        );
      })}
    </Card>
  );
}

function ActivitiesCard({ v, today }: { v: CampaignView; today: string }) {
  if (v.activities.length === 0) return null;
  return (
    <Card title='关联活动' id='campaign-activities'>
      {v.activities.map((a) => (
        <View key={`${a.kind}-${a.id}`} className='row-link cmp-activity' id={`campaign-activity-${a.id}`} onClick={() => goPage(a.path)}>
          <View className='cmp-activity__text'>
            <View className='admin-row__head'>
              <Text className='tag tag--gold'>{ACTIVITY_KIND_LABELS[a.kind]}</Text>
              <Text className='cmp-activity__title'>{a.title}</Text>
            </View>
            <Text className='cmp-line cmp-line--strong'>{activityFigure(a)}</Text>
            {a.fromDay && a.toDay ? <Text className='cmp-line'>{dayRangeText(a.fromDay, a.toDay, today)}</Text> : null}
          </View>
          <Text className='row-link__arrow'>›</Text>
        </View>
      ))}
    </Card>
  );
}

type CloseChoice = 'late' | 'stop';

function CloseDialog({ v, onClose, onDone }: { v: CampaignView; onClose: () => void; onDone: () => void }) {
  const [choice, setChoice] = useState<CloseChoice>('late');
  const close = useMutation('campaign', 'closeCampaign');
  const confirm = async () => {
    const done = await close.run({ campaignId: v.campaignId, acceptLate: choice === 'late' });
    if (!done) return;
    void Taro.showToast({ title: '行动已结束', icon: 'none' });
    onDone();
  };
  return (
    <Dialog id='campaign-close-dialog' title='结束专项行动' confirmText='结束行动' onConfirm={() => void confirm()} onCancel={onClose} running={close.running} error={close.error?.message ?? null}>
      <Text className='ui-dialog__desc'>结束后不能再修改阶段和报送要求。还没报送的单位：</Text>
      <Chips
        id='campaign-close-choice'
        className='btn-gap'
        options={[
          { value: 'late' as const, label: '仍接收逾期报告（标为晚交）' },
          { value: 'stop' as const, label: '停止接收报告' },
        ]}
        selected={[choice]}
        onToggle={setChoice}
      />
    </Dialog>
  );
}

function ActionsCard({ v, today, onChanged }: { v: CampaignView; today: string; onChanged: () => void }) {
  const exporter = useMutation('campaign', 'exportEvaluation');
  const [closing, setClosing] = useState(false);
  const runExport = async () => {
    const file = await exporter.run({ campaignId: v.campaignId, unitId: v.seenFrom.unitId });
    if (!file) return;
    try {
      await openFile(file.url, `${v.title}四落实评估.xlsx`);
      void Taro.showToast({ title: '评估表已生成', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '评估表没有打开，请重试', icon: 'none' });
    }
  };
  const start = v.stages[0]?.startDay ?? today;
  const end = v.stages[v.stages.length - 1]?.endDay ?? today;
  // The gaps page counts days that have begun: the campaign's days up to today.
  const to = end < today ? end : today;
  const gapsUrl = `${PAGE.consoleGaps}?unitId=${v.seenFrom.unitId}&kind=range&from=${start}&to=${to < start ? start : to}`;
  return (
    <Card title='汇总与管理' id='campaign-actions'>
      <Button id='campaign-export' block type='primary' loading={exporter.running} disabled={exporter.running} onClick={() => void runExport()}>
        导出四落实评估
      </Button>
      <Text className='admin-note'>按单位汇总本次行动的参加、报送情况和上级评价（Excel）。</Text>
      <FormError id='campaign-export-error' className='btn-gap' message={exporter.error?.message ?? null} />
      <Button id='campaign-gaps' className='btn-gap' block fill='outline' type='primary' onClick={() => goPage(gapsUrl)}>
        查看未参加名单
      </Button>
      {v.mayEdit && v.status === 'open' ? (
        <View className='admin-actions btn-gap'>
          <Button id='campaign-edit' className='admin-actions__btn' fill='outline' onClick={() => goPage(`${PAGE.campaignEditor}?id=${v.campaignId}`)}>
            修改
          </Button>
          <Button id='campaign-close' className='admin-actions__btn' fill='outline' onClick={() => setClosing(true)}>
            结束行动
          </Button>
        </View>
      ) : null}
      {closing ? (
        <CloseDialog
          v={v}
          onClose={() => setClosing(false)}
          onDone={() => {
            setClosing(false);
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}

function Detail({ campaignId, unitId }: { campaignId: string; unitId: string | null }) {
  const campaign = useAction('campaign', 'getCampaign', { campaignId, unitId }, [campaignId, unitId]);
  const firstShow = useRef(true);
  const today = beijingDayKey(Date.now());
  // Back from a report, the editor or the list: the counts may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else campaign.reload();
  });
  usePullDownRefresh(() => {
    campaign.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  if (!campaign.data) return <LoadingOrError state={campaign} />;
  const v = campaign.data;
  const stage = stageName(v.currentStage, v.stages);
  const first = v.stages[0]?.startDay ?? today;
  const last = v.stages[v.stages.length - 1]?.endDay ?? today;
  return (
    <>
      <Card id='campaign-head'>
        <View className='admin-row__head'>
          <Text className={v.status === 'open' ? 'tag tag--red' : 'tag'} id='campaign-status'>
            {v.status === 'open' ? '进行中' : v.acceptLate ? '已结束 · 仍接收逾期报告' : '已结束 · 已停止接收报告'}
          </Text>
          {stage && v.status === 'open' ? <Text className='tag tag--gold'>当前：{stage}</Text> : null}
        </View>
        <Text className='cmp-head__title' id='campaign-head-title'>
          {v.title}
        </Text>
        <Text className='cmp-line'>发起单位：{v.unitName}</Text>
        <Text className='cmp-line'>{dayRangeText(first, last, today)}</Text>
        {v.seenFrom.unitId !== v.unitId ? <Text className='cmp-line'>当前查看：{v.seenFrom.unitName}</Text> : null}
        {v.description ? <Text className='cmp-line cmp-desc'>{v.description}</Text> : null}
      </Card>
      <NeedsCard v={v} today={today} />
      <StagesCard v={v} today={today} />
      <ActivitiesCard v={v} today={today} />
      <ActionsCard v={v} today={today} onChanged={campaign.reload} />
    </>
  );
}

export default function CampaignDetailPage() {
  const { params } = useRouter();
  const campaignId = params.id || '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          campaignId ? (
            <Detail campaignId={campaignId} unitId={params.unit || null} />
          ) : (
            <Card>
              <EmptyView title='没有指定专项行动' desc='请从“专项行动”列表进入' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
