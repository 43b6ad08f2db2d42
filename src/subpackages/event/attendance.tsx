// 活动签到: opened by scanning the code on the organiser's screen (`?e=<event>&t=<token>`). It
// checks the member in at once and says so in large type: 签到成功 with the event and the time,
// or why not (an old code, not signed up, too early) with what to do next.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingView } from '@/components/StateView';
import { IS_H5 } from '@/api';
import { useAction } from '@/hooks';
import { attendanceUrlFromScan, eventMoment } from '@/utils/event-format';
import { goPage, goTab, PAGE } from '@/utils/nav';
import './attendance.scss';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

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

export default function EventAttendancePage() {
  const router = useRouter();
  const eventId = router.params.e ?? '';
  const token = router.params.t ?? '';
  const valid = ID.test(eventId) && ID.test(token);
  const result = useAction('event', 'attendByCode', valid ? { eventId, token } : null, [eventId, token]);

  let body;
  if (!valid) {
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
        <Text className='checkin-result__title'>签到成功</Text>
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
        <Text className='checkin-result__hint'>签到码每15秒更换一次。请对准现场屏幕上最新的签到码重新扫描；仍不成功请联系现场工作人员。</Text>
      </View>
    );
  }

  const failed = !valid || (!!result.error && !result.data);
  return (
    <PageShell>
      <Card>{body}</Card>
      <View className='checkin-actions'>
        {failed && !IS_H5 ? (
          <Button id='event-checkin-rescan' block type='primary' size='large' onClick={() => void scanAgain()}>
            重新扫码
          </Button>
        ) : null}
        {failed && valid ? (
          <Button id='event-checkin-retry' block className='btn-gap' fill='outline' size='large' onClick={result.reload}>
            重试
          </Button>
        ) : null}
        {valid ? (
          <Button id='event-checkin-detail' block className='btn-gap' fill='outline' onClick={() => goPage(`${PAGE.eventDetail}?id=${eventId}`)}>
            查看活动
          </Button>
        ) : null}
        <Button block className='btn-gap' fill='outline' onClick={() => goTab('activity')}>
          返回活动
        </Button>
      </View>
    </PageShell>
  );
}
