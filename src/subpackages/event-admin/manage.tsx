// 活动管理: one event at a glance — its numbers (已报名, 候补, 待审核, 已取消, 已签到), attendance
// per branch — and what the organiser does with it: the roster, the on-site code, the static
// mini-program code for posters, the xlsx roster, editing, cancelling with a reason, and once it
// has ended a draft report for the feed.
import { useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { EventAdminView, EventResponses } from '@core/contracts';
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS } from '@core/domain/event';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { ReasonDialog } from '@/components/Dialog';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { call, copyText, openFile, toApiError } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { eventMoment, eventWhen, seatsText } from '@/utils/event-format';
import { goPage, PAGE } from '@/utils/nav';
import { EVENT_STATUS_LABELS, EVENT_STATUS_TAG, rateText } from './components/format';
import './components/ui.scss';
import './manage.scss';

const CANCEL_REASONS = ['时间调整', '场地变动', '天气原因', '主讲人无法到场'];

function Counts({ view }: { view: EventAdminView }) {
  const c = view.counts;
  const items: Array<{ key: keyof EventAdminView['counts']; label: string; tone?: 'ok' | 'warn' | 'red' }> = [
    { key: 'confirmed', label: '已报名', tone: 'red' },
    { key: 'waitlisted', label: '候补' },
    { key: 'pending', label: '待审核', tone: c.pending > 0 ? 'warn' : undefined },
    { key: 'cancelled', label: '已取消' },
    { key: 'attended', label: '已签到', tone: 'ok' },
  ];
  return (
    <View className='admin-stats manage-counts' id='event-counts'>
      {items.map((it) => (
        <View key={it.key} className={it.tone ? `admin-stats__item admin-stats__item--${it.tone}` : 'admin-stats__item'} id={`event-count-${it.key}`}>
          <Text className='admin-stats__value'>{c[it.key]}</Text>
          <Text className='admin-stats__label'>{it.label}</Text>
        </View>
      ))}
    </View>
  );
}

function Branches({ view }: { view: EventAdminView }) {
  if (view.branches.length === 0) return null;
  return (
    <Card title='各支部出席情况' id='event-branches'>
      <View className='manage-table'>
        <View className='manage-table__row manage-table__row--head'>
          <Text className='manage-table__name'>支部</Text>
          <Text className='manage-table__num'>已报名</Text>
          <Text className='manage-table__num'>已签到</Text>
          <Text className='manage-table__num'>出席率</Text>
        </View>
        {view.branches.map((b) => (
          <View key={b.unitId} className='manage-table__row' id={`event-branch-${b.unitId}`}>
            <Text className='manage-table__name'>{b.unitName}</Text>
            <Text className='manage-table__num'>{b.confirmed}</Text>
            <Text className='manage-table__num'>{b.attended}</Text>
            <Text className='manage-table__num manage-table__rate'>{rateText(b.attended, b.confirmed)}</Text>
          </View>
        ))}
      </View>
    </Card>
  );
}

function Manage({ view, onChanged }: { view: EventAdminView; onChanged: () => void }) {
  const exporter = useMutation('event', 'exportRoster');
  const entry = useMutation('event', 'entryCode');
  const report = useMutation('event', 'draftReport');
  const [entryCode, setEntryCode] = useState<EventResponses['entryCode'] | null>(null);
  const [drafted, setDrafted] = useState<EventResponses['draftReport'] | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const ended = view.phase === 'ended';
  const live = view.status !== 'cancelled' && !ended;
  const now = Date.now();

  const runExport = async () => {
    const file = await exporter.run({ eventId: view.id });
    if (!file) return;
    try {
      await openFile(file.url, file.fileName);
      void Taro.showToast({ title: '报名名单已生成', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '名单没有打开，请重试', icon: 'none' });
    }
  };

  const runEntryCode = async () => {
    const code = await entry.run({ eventId: view.id });
    if (code) setEntryCode(code);
  };

  const runReport = async () => {
    const post = await report.run({ eventId: view.id, photos: [] });
    if (post) setDrafted(post);
  };

  const copyReport = async () => {
    if (!drafted) return;
    try {
      await copyText(`${drafted.title}\n\n${drafted.text}`);
      void Taro.showToast({ title: '报道已复制', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };

  return (
    <>
      <Card>
        <View className='manage-tags'>
          <Text className={EVENT_STATUS_TAG[view.status]} id='event-admin-status'>
            {EVENT_STATUS_LABELS[view.status]}
          </Text>
          <Text className='tag tag--red'>{EVENT_KIND_LABELS[view.kind]}</Text>
          {view.status === 'published' ? (
            <Text className='tag' id='event-admin-phase'>
              {EVENT_PHASE_LABELS[view.phase]}
            </Text>
          ) : null}
        </View>
        <Text className='manage-title' id='event-admin-title'>
          {view.title}
        </Text>
        <Text className='admin-row__meta'>时间：{eventWhen(view.startsAt, view.endsAt, now)}</Text>
        <Text className='admin-row__meta'>地点：{view.place}</Text>
        <Text className='admin-row__meta'>
          报名：{eventMoment(view.signupOpensAt, now)} 至 {eventMoment(view.signupClosesAt, now)}
        </Text>
        <Text className='admin-row__meta'>面向：{view.audienceNames.length > 0 ? view.audienceNames.join('、') : '全单位'}</Text>
        <Text className='admin-row__meta' id='event-admin-seats'>
          名额：{view.capacity > 0 ? `${view.capacity}人，${seatsText(view.seatsLeft, view.waitlist)}` : '不限'}
          {view.approval ? '；报名需审核' : ''}
        </Text>
        {view.status === 'cancelled' ? (
          <View className='notice notice--bad btn-gap' id='event-cancelled'>
            <Text className='notice__title'>✕ 活动已取消</Text>
            {view.cancelReason ? <Text className='notice__text'>原因：{view.cancelReason}</Text> : null}
          </View>
        ) : null}
        {view.status === 'draft' ? (
          <View className='btn-gap'>
            <Text className='admin-note'>这是草稿，党员还看不到。</Text>
            <Button id='event-edit' block className='btn-gap' type='primary' onClick={() => goPage(`${PAGE.eventEditor}?id=${view.id}`)}>
              继续编辑并发布
            </Button>
          </View>
        ) : null}
      </Card>

      {view.status !== 'draft' ? (
        <Card title='报名情况'>
          <Counts view={view} />
          <Button id='event-roster-open' block className='btn-gap' type='primary' fill='outline' onClick={() => goPage(`${PAGE.eventRoster}?id=${view.id}`)}>
            报名名单{view.counts.pending > 0 ? `（${view.counts.pending}人待审核）` : ''}
          </Button>
        </Card>
      ) : null}

      {view.status !== 'draft' ? <Branches view={view} /> : null}

      {view.status !== 'draft' ? (
        <Card title='现场与材料'>
          <View className='admin-actions'>
            {view.status === 'published' && !ended ? (
              <Button id='event-qr-open' className='admin-actions__btn' type='primary' onClick={() => goPage(`${PAGE.eventQr}?id=${view.id}`)}>
                现场签到码
              </Button>
            ) : null}
            <Button id='event-entry-code' className='admin-actions__btn' fill='outline' loading={entry.running} disabled={entry.running} onClick={() => void runEntryCode()}>
              活动小程序码
            </Button>
            <Button id='event-export' className='admin-actions__btn' fill='outline' loading={exporter.running} disabled={exporter.running} onClick={() => void runExport()}>
              导出名单
            </Button>
            {view.canEdit && view.status === 'published' && ended ? (
              <Button id='event-report' className='admin-actions__btn' fill='outline' loading={report.running} disabled={report.running} onClick={() => void runReport()}>
                生成活动报道
              </Button>
            ) : null}
          </View>
          <FormError id='event-manage-error' message={exporter.error?.message ?? entry.error?.message ?? report.error?.message ?? null} />
          {entryCode ? (
            <View className='manage-entry' id='event-entry'>
              <Image className='manage-entry__image' id='event-entry-image' src={entryCode.url} mode='scaleToFill' showMenuByLongpress />
              <Text className='admin-note'>微信扫一扫即可打开活动页报名。可长按保存图片，印在海报或通知上。</Text>
            </View>
          ) : null}
          {drafted ? (
            <View className='manage-report' id='event-report-draft'>
              <Text className='manage-report__title'>{drafted.title}</Text>
              {/* Plain paragraphs, one a line: the feed keeps the HTML, the organiser reads text. */}
              <Text className='manage-report__body' id='event-report-text'>
                {drafted.text}
              </Text>
              <Text className='admin-note'>报道草稿已保存。请打开修改，把最后一段提示换成自己的话，核对后发布。</Text>
              <Button id='event-report-open' block className='btn-gap' type='primary' onClick={() => goPage(`${PAGE.feedEditor}?id=${drafted.postId}`)}>
                打开草稿修改并发布
              </Button>
              <Button block className='btn-gap' fill='outline' onClick={() => void copyReport()}>
                复制报道
              </Button>
            </View>
          ) : null}
        </Card>
      ) : null}

      {view.canEdit && live && view.status !== 'draft' ? (
        <Card>
          <View className='admin-actions'>
            <Button id='event-edit' className='admin-actions__btn' fill='outline' onClick={() => goPage(`${PAGE.eventEditor}?id=${view.id}`)}>
              编辑
            </Button>
            <Button id='event-cancel-event' className='admin-actions__btn' fill='outline' onClick={() => setCancelling(true)}>
              取消活动
            </Button>
          </View>
        </Card>
      ) : null}

      {cancelling ? (
        <ReasonDialog
          id='cancel-dialog'
          title='取消活动'
          desc={`取消后党员不能再报名，已报名的${view.counts.confirmed}人在活动页会看到“活动已取消”。原因会留作记录。`}
          confirmText='取消活动'
          presets={CANCEL_REASONS}
          onSubmit={async (reason) => {
            try {
              await call('event', 'cancelEvent', { eventId: view.id, reason });
              void Taro.showToast({ title: '活动已取消', icon: 'none' });
              onChanged();
              return null;
            } catch (e) {
              return toApiError(e).message;
            }
          }}
          onClose={() => setCancelling(false)}
        />
      ) : null}
    </>
  );
}

export default function EventManagePage() {
  const router = useRouter();
  const eventId = router.params.id ?? '';
  const view = useAction('event', 'getEventAdmin', eventId ? { eventId } : null, [eventId]);
  const firstShow = useRef(true);

  // Back from the roster, the on-site code or the editor: the numbers may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else if (eventId) view.reload();
  });
  usePullDownRefresh(() => {
    view.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const body = eventId ? (
    <Loaded state={view}>{(data) => <Manage view={data} onChanged={view.reload} />}</Loaded>
  ) : (
    <Card>
      <EmptyView title='没有找到这个活动' desc='请从“活动报名管理”打开' />
    </Card>
  );
  return (
    <PageShell>
      <AdminGate>{() => body}</AdminGate>
    </PageShell>
  );
}
