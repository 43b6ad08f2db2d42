// 活动详情: what, when, where, who organises it and for whom, seats left and the member's own
// standing (已报名, 候补第N位, 已签到), with one main button for what can be done now: 报名 (then
// the offer of a reminder) or 取消报名 (before the cut-off, after a confirmation). A member moved
// up from the waitlist is told so once. Opened from the 活动 tab (`?id=`), a reminder, or the
// static mini-program code (`?scene=e%3D<id>`).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { EventDetail } from '@core/contracts';
import { ATTENDANCE_OPENS_BEFORE_MS, EVENT_KIND_LABELS, EVENT_PHASE_LABELS } from '@core/domain/event';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import FormError from '@/components/FormError';
import { askConfirm } from '@/components/Dialog/confirm';
import { askReminders, toApiError } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { eventIdFromParams, eventMoment, eventWhen, myStatusText, seatsTakenPercent, seatsText, statusTagClass } from '@/utils/event-format';
import { goTab } from '@/utils/nav';
import './detail.scss';

/** The promotion notice is shown once per event on this phone. */
const PROMOTED_SEEN_KEY = 'event.promotedSeen';

function promotedSeen(eventId: string): boolean {
  const seen: unknown = Taro.getStorageSync(PROMOTED_SEEN_KEY);
  return Array.isArray(seen) && seen.includes(eventId);
}

function markPromotedSeen(eventId: string): void {
  const seen: unknown = Taro.getStorageSync(PROMOTED_SEEN_KEY);
  const list = Array.isArray(seen) ? seen.filter((x): x is string => typeof x === 'string') : [];
  // A short memory is enough: only recent events can still announce a promotion.
  Taro.setStorageSync(PROMOTED_SEEN_KEY, [...list.filter((x) => x !== eventId), eventId].slice(-50));
}

function Fact({ label, id, children }: { label: string; id?: string; children: ReactNode }) {
  return (
    <View className='event-fact' id={id}>
      <Text className='event-fact__label'>{label}</Text>
      <View className='event-fact__value'>{children}</View>
    </View>
  );
}

function signUpDoneText(status: string, waitPosition: number | null): string {
  if (status === 'waitlisted') return waitPosition ? `已加入候补，排第${waitPosition}位` : '已加入候补';
  if (status === 'pending') return '已提交，等待支部审核';
  return '报名成功';
}

function Detail({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const signUp = useMutation('event', 'signUp');
  const cancel = useMutation('event', 'cancelSignUp');
  const [showPromoted, setShowPromoted] = useState(false);

  // 候补成功: said once, the first time the member opens the event after the promotion.
  useEffect(() => {
    if (event.myPromoted && event.myStatus === 'confirmed' && !promotedSeen(event.id)) {
      setShowPromoted(true);
      markPromotedSeen(event.id);
    }
  }, [event.id, event.myPromoted, event.myStatus]);

  const status = myStatusText(event.myStatus, { waitPosition: event.myWaitPosition, attended: event.myAttended });
  const active = event.myStatus === 'confirmed' || event.myStatus === 'waitlisted' || event.myStatus === 'pending';
  const taken = seatsTakenPercent(event.capacity, event.seatsLeft);
  const full = event.seatsLeft === 0;

  const onSignUp = async () => {
    const done = await signUp.run({ eventId: event.id });
    if (!done) {
      onChanged(); // the event may have filled up or closed meanwhile: show it as it is
      return;
    }
    onChanged();
    // WeChat asks for reminder consent only from a tap: the dialog's button is that tap, and the
    // request starts inside it.
    const consent: { asked?: ReturnType<typeof askReminders> } = {};
    const ok = await askConfirm({
      title: signUpDoneText(done.status, done.waitPosition),
      content: done.status === 'waitlisted' ? '有人取消时按顺序递补，递补成功和活动开始前都可以提醒您。需要提醒吗？' : '需要在活动开始前提醒您吗？',
      confirmText: '提醒我',
      cancelText: '不用了',
      onConfirmTap: () => {
        consent.asked = askReminders(['event']);
      },
    });
    if (!ok || !consent.asked) return;
    try {
      const accepted = await consent.asked;
      void Taro.showToast({ title: accepted.includes('event') ? '已开启活动提醒' : '未开启提醒', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    }
  };

  const onCancel = async () => {
    const ok = await askConfirm({
      title: '取消报名',
      content: `取消后名额会让给其他党员。活动开始前${event.cancelHours}小时（${eventMoment(event.cancelDeadline)}）后不能再取消。确定取消报名吗？`,
      confirmText: '取消报名',
      cancelText: '不取消',
    });
    if (!ok) return;
    const done = await cancel.run({ eventId: event.id });
    onChanged();
    if (done) void Taro.showToast({ title: '已取消报名', icon: 'none' });
  };

  const error = signUp.error?.message ?? cancel.error?.message ?? null;
  const now = Date.now();

  return (
    <>
      <Card className='event-head'>
        {event.coverUrl ? <Image className='event-cover' id='event-cover' src={event.coverUrl} mode='aspectFill' /> : null}
        <View className='event-tags'>
          <Text className='tag tag--red'>{EVENT_KIND_LABELS[event.kind]}</Text>
          <Text className='tag' id='event-phase'>
            {EVENT_PHASE_LABELS[event.phase]}
          </Text>
        </View>
        <Text className='event-title' id='event-name'>
          {event.title}
        </Text>
      </Card>

      {showPromoted ? (
        <View className='notice notice--ok event-promoted' id='event-promoted' role='status'>
          <Text className='notice__title'>✓ 候补成功，您已获得名额</Text>
          <Text className='notice__text'>有党员取消了报名，您已从候补转为正式报名，请按时参加。</Text>
        </View>
      ) : null}

      <Card title='我的报名' id='event-my'>
        <View className='event-standing'>
          <Text className={`${statusTagClass(event.myStatus, event.myAttended)} event-standing__tag`} id='event-status'>
            {status ?? '未报名'}
          </Text>
          {event.myStatus === 'waitlisted' && event.myWaitPosition ? (
            <Text className='event-standing__sub' id='event-wait'>
              候补第{event.myWaitPosition}位，有人取消时按顺序递补
            </Text>
          ) : null}
          {event.myStatus === 'pending' ? <Text className='event-standing__sub'>等待支部管理员审核</Text> : null}
          {event.phase === 'cancelled' ? (
            <Text className='event-standing__sub' id='event-cancelled-note'>
              ✕ 活动已取消，不用再前往{event.cancelReason ? `（原因：${event.cancelReason}）` : ''}
            </Text>
          ) : null}
          {event.myStatus === 'rejected' && event.myReviewReason ? (
            <Text className='event-standing__sub' id='event-review-reason'>
              未通过的原因：{event.myReviewReason}
            </Text>
          ) : null}
          {event.phase === 'ended' && event.myStatus === 'confirmed' && !event.myAttended ? (
            <Text className='event-standing__sub'>活动已结束，没有您的签到记录；如有疑问请联系支部</Text>
          ) : null}
          {event.myStatus === 'confirmed' && !event.myAttended && (event.phase === 'signup_open' || event.phase === 'signup_closed' || event.phase === 'ongoing') ? (
            <Text className='event-standing__sub'>
              请于{eventMoment(event.startsAt - ATTENDANCE_OPENS_BEFORE_MS, now)}后到现场，在“活动”页点“扫码签到”扫描现场屏幕上的签到码
            </Text>
          ) : null}
        </View>

        {event.signUpNote && !event.canSignUp ? (
          <View className='notice notice--wait btn-gap' id='event-note'>
            <Text className='notice__title'>{event.signUpNote}</Text>
            {event.phase === 'upcoming' ? <Text className='notice__text'>报名开始时间：{eventMoment(event.signupOpensAt, now)}</Text> : null}
          </View>
        ) : null}

        <FormError className='btn-gap' id='event-error' message={error} />

        {event.canSignUp ? (
          <Button
            id='event-signup'
            block
            className='btn-gap'
            type='primary'
            size='large'
            loading={signUp.running}
            disabled={signUp.running}
            onClick={() => void onSignUp()}
          >
            {event.approval ? '报名（需审核）' : full && event.waitlist ? '报名候补' : '报名'}
          </Button>
        ) : null}

        {event.canCancel ? (
          <>
            <Button id='event-cancel' block className='btn-gap' fill='outline' size='large' loading={cancel.running} disabled={cancel.running} onClick={() => void onCancel()}>
              取消报名
            </Button>
            <Text className='event-cutoff' id='event-cutoff'>
              可在{eventMoment(event.cancelDeadline, now)}前取消
            </Text>
          </>
        ) : active && !event.myAttended && event.phase !== 'cancelled' && event.phase !== 'ended' ? (
          <Text className='event-cutoff' id='event-cutoff'>
            已过取消截止时间（{eventMoment(event.cancelDeadline, now)}），如不能参加请联系支部
          </Text>
        ) : null}
      </Card>

      <Card title='活动信息' id='event-facts'>
        <Fact label='时间'>
          <Text>{eventWhen(event.startsAt, event.endsAt, now)}</Text>
          <Text className='event-fact__sub'>北京时间</Text>
        </Fact>
        <Fact label='地点'>
          <Text>{event.place}</Text>
        </Fact>
        <Fact label='名额' id='event-seats'>
          <Text className='event-seats__text'>{seatsText(event.seatsLeft, event.waitlist)}</Text>
          {taken !== null ? (
            <View className='event-bar' aria-label={`已报名 ${taken}%`}>
              <View className='event-bar__fill' style={{ width: `${taken}%` }} />
            </View>
          ) : null}
          <Text className='event-fact__sub'>
            {event.capacity > 0 ? `共${event.capacity}个名额` : '人数不限'}
            {event.waitlisted > 0 ? `，${event.waitlisted}人候补` : ''}
            {event.approval ? '，报名需支部审核' : ''}
          </Text>
        </Fact>
        <Fact label='报名时间'>
          <Text>
            {eventMoment(event.signupOpensAt, now)} 至 {eventMoment(event.signupClosesAt, now)}
          </Text>
        </Fact>
        <Fact label='取消报名'>
          <Text>活动开始前{event.cancelHours}小时截止</Text>
          <Text className='event-fact__sub'>即{eventMoment(event.cancelDeadline, now)}前</Text>
        </Fact>
        <Fact label='组织者'>
          <Text>{event.organiserName}</Text>
        </Fact>
        <Fact label='面向'>
          <Text>{event.audienceNames.length > 0 ? event.audienceNames.join('、') : '全单位党员'}</Text>
        </Fact>
      </Card>

      {event.description ? (
        <Card title='活动介绍'>
          <Text className='event-desc' id='event-description'>
            {event.description}
          </Text>
        </Card>
      ) : null}
    </>
  );
}

export default function EventDetailPage() {
  const router = useRouter();
  const eventId = eventIdFromParams(router.params);
  const event = useAction('event', 'getEvent', eventId ? { eventId } : null, [eventId]);
  const shown = useRef(false);

  // Back from another page: seats and the member's standing may have changed.
  useDidShow(() => {
    if (shown.current && eventId) event.reload();
    shown.current = true;
  });

  return (
    <PageShell>
      {eventId ? (
        <Loaded state={event}>{(data) => <Detail event={data} onChanged={event.reload} />}</Loaded>
      ) : (
        <Card>
          <EmptyView
            title='没有找到这个活动'
            desc='请从“活动”页打开'
            action={
              <Button block type='primary' onClick={() => goTab('activity')}>
                去活动
              </Button>
            }
          />
        </Card>
      )}
    </PageShell>
  );
}
