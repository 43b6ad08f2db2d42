// 现场签到码: the organiser's phone (or a screen at the door) shows a large code that changes every
// 15 seconds; members scan it with WeChat or the phone's camera to check in (the code is a URL on
// the organisation's domain: docs/ONSITE-CHECKIN.md). The code is fetched again as it expires, a
// countdown says when, the check-in count follows, and the screen is kept on while the page is
// open (where WeChat allows).
import { useEffect, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import type { EventResponses } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView';
import FormError from '@/components/FormError';
import { call, IS_H5, toApiError, type ApiError } from '@/api';
import { useAction } from '@/hooks';
import { eventWhen, qrRefreshDelay } from '@/utils/event-format';
import './components/ui.scss';
import './qr.scss';

type QrCode = EventResponses['qrToken'];

/** Errors that will not go away by asking again (the event ended or was cancelled, no right to it). */
function isFinal(e: ApiError): boolean {
  return e.code === 'FAILED_PRECONDITION' || e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND' || e.code === 'UNAUTHENTICATED';
}

/** Keep the screen on while the code is shown; true when the phone agreed. */
function useKeepScreenOn(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (IS_H5) return undefined; // browsers: no such switch here
    Taro.setKeepScreenOn({ keepScreenOn: true }).then(
      () => setOn(true),
      () => setOn(false),
    );
    return () => {
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, []);
  return on;
}

function Qr({ eventId }: { eventId: string }) {
  const event = useAction('event', 'getEventAdmin', { eventId }, [eventId]);
  const [code, setCode] = useState<QrCode | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const [nextAt, setNextAt] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const visible = useRef(true);
  const keptOn = useKeepScreenOn();
  const reloadEvent = event.reload;

  // Fetch the current code; schedule the next fetch for when it expires (or retry after a blip).
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (delay: number) => {
      setNextAt(Date.now() + delay);
      timer = setTimeout(() => {
        if (visible.current) setTick((t) => t + 1);
      }, delay);
    };
    call('event', 'qrToken', { eventId }).then(
      (c) => {
        if (!live) return;
        setCode(c);
        setError(null);
        schedule(qrRefreshDelay(c.expiresAt, c.serverNow)); // the server's clock: right even when the phone's is not
        if (tick > 0) reloadEvent(); // the check-in count, live as members scan
      },
      (e: unknown) => {
        if (!live) return;
        const err = toApiError(e);
        setError(err);
        if (isFinal(err)) {
          setCode(null);
          setNextAt(null);
        } else schedule(5_000);
      },
    );
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [eventId, tick, reloadEvent]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, []);

  useDidShow(() => {
    if (!visible.current) setTick((t) => t + 1); // back on screen: a fresh code at once
    visible.current = true;
  });
  useDidHide(() => {
    visible.current = false;
  });

  const seconds = nextAt === null ? null : Math.max(0, Math.ceil((nextAt - now) / 1000));
  const title = event.data?.title ?? '';

  // Not the shared Loaded: a code renewed on a timer, whose failed renewal keeps the last code on screen.
  if (!code && !error) {
    return (
      <Card>
        <LoadingView text='正在生成签到码…' />
      </Card>
    );
  }
  if (!code && error) {
    return (
      <Card>
        <ErrorView title='签到码没有生成' message={error.message} onRetry={() => setTick((t) => t + 1)} />
      </Card>
    );
  }
  return (
    <Card className='qr-card'>
      {title ? (
        <Text className='qr-title' id='event-qr-title'>
          {title}
        </Text>
      ) : null}
      {event.data ? <Text className='qr-when'>{eventWhen(event.data.startsAt, event.data.endsAt)}</Text> : null}
      <Text className='qr-lead' id='event-qr-lead'>
        请用微信「扫一扫」或手机相机扫码签到
      </Text>
      {code ? <Image className='qr-image' id='event-qr' src={code.image} mode='scaleToFill' /> : null}
      {/* The code's content as text, small: for support staff and tests reading what the image holds. */}
      {code ? (
        <View className='qr-content' id='event-qr-content' data-content={code.content}>
          {code.content}
        </View>
      ) : null}
      <Text className='qr-countdown' id='event-qr-countdown'>
        {seconds === null ? '' : seconds > 0 ? `${seconds} 秒后更换签到码` : '正在更换签到码…'}
      </Text>
      <FormError className='btn-gap' message={error ? `${error.message}（正在重试）` : null} />
      <Text className='qr-note' id='event-qr-screen'>
        {keptOn ? '屏幕已保持常亮。' : IS_H5 ? '请保持屏幕常亮，不要锁屏。' : ''}签到码每15秒更换一次，截图无效。
      </Text>
      <Text className='qr-note' id='event-qr-how'>
        党员可用微信扫码，也可用手机自带相机扫码后在网页中签到（网页须先登录）；也可在小程序“活动”页点“扫码签到”。
      </Text>
      {event.data ? (
        <Text className='qr-count' id='event-qr-count'>
          已签到 {event.data.counts.attended} / {event.data.counts.confirmed} 人
        </Text>
      ) : null}
    </Card>
  );
}

export default function EventQrPage() {
  const router = useRouter();
  const eventId = router.params.id ?? '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          eventId ? (
            <Qr eventId={eventId} />
          ) : (
            <Card>
              <EmptyView title='没有找到这个活动' desc='请从“活动管理”打开' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
