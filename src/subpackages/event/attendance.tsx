// 活动签到: opened by the code on the organiser's screen, an https URL (core/domain/onsiteUrl.ts).
// In WeChat the scanner opens this page with the URL encoded in `q` ("扫普通链接二维码打开小程序"),
// the app's own 扫码签到 with `?e=<event>&t=<token>`; in a browser the phone camera opens the URL,
// whose page forwards here with the same `e` and `t`. It checks the member in at once and says so
// in large type: 已签到 with the event and the time, or why not with what to do next. A browser
// that is not signed in is told to scan with WeChat instead, or to sign in on the web and come back.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { QR_WINDOW_MS } from '@core/domain/event';
import { parseOnsiteCode, type OnsiteCode } from '@core/domain/onsiteUrl';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingView } from '@/components/StateView';
import { hasSession, IS_H5 } from '@/api';
import { useAction } from '@/hooks';
import { attendanceUrlFromScan, eventMoment } from '@/utils/event-format';
import { loginReturningTo } from '@/utils/login-return';
import { goPage, goTab, PAGE } from '@/utils/nav';
import './attendance.scss';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Where a browser that went to sign in from here keeps the code it came with, and when. */
const PENDING_KEY = 'event.attendance.pending';

interface Pending {
  eventId: string;
  token: string;
  /** When the code was opened (this phone's clock); a code lives 15 to 30 seconds. */
  at: number;
}

/** The code this page was opened with: `e` and `t`, or the URL in WeChat's `q` option. */
function codeOf(params: Record<string, string | undefined>): OnsiteCode | null {
  const e = params.e ?? '';
  const t = params.t ?? '';
  if (ID.test(e) && ID.test(t)) return { eventId: e, token: t };
  return params.q ? parseOnsiteCode(params.q) : null;
}

function readPending(): Pending | null {
  const v: unknown = Taro.getStorageSync(PENDING_KEY);
  if (!v || typeof v !== 'object') return null;
  const p = v as Partial<Pending>;
  return typeof p.eventId === 'string' && typeof p.token === 'string' && typeof p.at === 'number' ? (p as Pending) : null;
}

/** Back from signing in with this code: still fresh enough to try (else: scan again). */
function freshAfterSignIn(code: OnsiteCode, now: number): boolean {
  const p = readPending();
  return !!p && p.eventId === code.eventId && p.token === code.token && now - p.at < 2 * QR_WINDOW_MS;
}

/** Sign in on the web, then come back here with the same code (the login page returns to `back`). */
function signInThenReturn(code: OnsiteCode): void {
  Taro.setStorageSync(PENDING_KEY, { eventId: code.eventId, token: code.token, at: Date.now() } satisfies Pending);
  void Taro.navigateTo({ url: loginReturningTo(`${PAGE.eventAttendance}?e=${code.eventId}&t=${code.token}&from=login`) });
}

async function scanAgain(): Promise<void> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    const url = attendanceUrlFromScan(res.path || res.result || '');
    if (url) void Taro.redirectTo({ url });
    else void Taro.showToast({ title: '这不是活动签到码，请扫描现场屏幕上的签到码', icon: 'none', duration: 3000 });
  } catch {
    // closed the scanner
  }
}

/** A browser that is not signed in: scan with WeChat instead, or sign in on the web and come back. */
function NotSignedIn({ code }: { code: OnsiteCode }) {
  return (
    <>
      <Card>
        <View className='checkin-result checkin-result--info' id='event-checkin-result' role='alert'>
          <Text className='checkin-result__mark'>扫</Text>
          <Text className='checkin-result__title' id='event-checkin-wechat'>
            请用微信扫码签到
          </Text>
          <Text className='checkin-result__text'>这个网页还没有登录，不能签到。</Text>
          <Text className='checkin-result__step'>1. 打开微信，点右上角「＋」，选「扫一扫」；</Text>
          <Text className='checkin-result__step'>2. 对准现场屏幕上的签到码，就能签到。</Text>
        </View>
      </Card>
      <View className='checkin-actions'>
        <Text className='checkin-actions__lead'>已有网页登录码（组织管理员给的，或小程序「我的」里的）？</Text>
        <Button id='event-checkin-login' block type='primary' size='large' onClick={() => signInThenReturn(code)}>
          网页登录
        </Button>
        <Text className='checkin-actions__note'>登录后会回到这里签到。签到码每15秒更换，过期了请再扫一次。</Text>
      </View>
    </>
  );
}

/** Back from signing in after the code expired: nothing to try, scan the screen again. */
function ScanAgain() {
  return (
    <>
      <Card>
        <View className='checkin-result checkin-result--info' id='event-checkin-result' role='status'>
          <Text className='checkin-result__mark'>↻</Text>
          <Text className='checkin-result__title' id='event-checkin-again'>
            请再扫一次签到码
          </Text>
          <Text className='checkin-result__text'>您已登录。签到码每15秒更换一次，刚才扫的已经过期。</Text>
          <Text className='checkin-result__text'>请用手机相机或微信「扫一扫」，再扫一次现场屏幕上的签到码。</Text>
        </View>
      </Card>
      <View className='checkin-actions'>
        <Button block className='btn-gap' fill='outline' onClick={() => goTab('activity')}>
          返回活动
        </Button>
      </View>
    </>
  );
}

function Attend({ code }: { code: OnsiteCode | null }) {
  const result = useAction('event', 'attendByCode', code, [code?.eventId, code?.token]);
  // A web caller without a web key (never signed in here, signed out, revoked) is answered so.
  if (IS_H5 && code && result.error?.code === 'UNAUTHENTICATED') return <NotSignedIn code={code} />;

  let body;
  if (!code) {
    body = (
      <View className='checkin-result checkin-result--bad' id='event-checkin-result' role='alert'>
        <Text className='checkin-result__mark'>!</Text>
        <Text className='checkin-result__title'>签到码不完整</Text>
        <Text className='checkin-result__text'>请重新扫描现场屏幕上的签到码。</Text>
      </View>
    );
  } else if (result.loading || (!result.data && !result.error)) {
    // Not the shared Loaded: a failed check-in is this page's own result card, with 重新扫码 and 重试 below.
    body = <LoadingView text='正在签到…' />;
  } else if (result.data) {
    const d = result.data;
    body = (
      <View className='checkin-result checkin-result--ok' id='event-checkin-result' role='status'>
        <Text className='checkin-result__mark'>✓</Text>
        <Text className='checkin-result__title'>已签到</Text>
        <Text className='checkin-result__event' id='event-checkin-title'>
          {d.title}
        </Text>
        <Text className='checkin-result__text' id='event-checkin-time'>
          签到时间：{eventMoment(d.attendedAt)}
        </Text>
        {d.already ? <Text className='checkin-result__text'>您之前已经签到过了，不用再扫。</Text> : null}
      </View>
    );
  } else {
    body = (
      <View className='checkin-result checkin-result--bad' id='event-checkin-result' role='alert'>
        <Text className='checkin-result__mark'>!</Text>
        <Text className='checkin-result__title'>签到没有成功</Text>
        <Text className='checkin-result__text' id='event-checkin-error'>
          {result.error?.message}
        </Text>
        <Text className='checkin-result__hint'>
          签到码每15秒更换一次。请{IS_H5 ? '用手机相机' : ''}对准现场屏幕上最新的签到码重新扫描；仍不成功请联系现场工作人员。
        </Text>
      </View>
    );
  }

  const failed = !code || (!!result.error && !result.data);
  return (
    <>
      <Card>{body}</Card>
      <View className='checkin-actions'>
        {failed && !IS_H5 ? (
          <Button id='event-checkin-rescan' block type='primary' size='large' onClick={() => void scanAgain()}>
            重新扫码
          </Button>
        ) : null}
        {failed && code ? (
          <Button id='event-checkin-retry' block className='btn-gap' fill='outline' size='large' onClick={result.reload}>
            重试
          </Button>
        ) : null}
        {code ? (
          <Button id='event-checkin-detail' block className='btn-gap' fill='outline' onClick={() => goPage(`${PAGE.eventDetail}?id=${code.eventId}`)}>
            查看活动
          </Button>
        ) : null}
        <Button block className='btn-gap' fill='outline' onClick={() => goTab('activity')}>
          返回活动
        </Button>
      </View>
    </>
  );
}

type Mode = 'attend' | 'signIn' | 'scanAgain';

/** What the page does, decided once as it opens (a later render must not turn a check-in into 'scanAgain'). */
function modeOf(code: OnsiteCode | null, fromLogin: boolean): Mode {
  if (!IS_H5 || !code) return 'attend';
  if (!hasSession()) return 'signIn';
  if (!fromLogin) return 'attend';
  const fresh = freshAfterSignIn(code, Date.now());
  Taro.removeStorageSync(PENDING_KEY);
  return fresh ? 'attend' : 'scanAgain';
}

export default function EventAttendancePage() {
  const router = useRouter();
  const code = codeOf(router.params);
  const [mode] = useState<Mode>(() => modeOf(code, router.params.from === 'login'));
  // A browser without a session stays here (never sent to the login page): this page says what to do.
  return (
    <PageShell requireSession={false}>
      {mode === 'signIn' && code ? <NotSignedIn code={code} /> : mode === 'scanAgain' ? <ScanAgain /> : <Attend code={code} />}
    </PageShell>
  );
}
