// 我的: who I am in the organisation, my points (我的积分), the task items I own (我负责的实事, only
// when I own some), whether contest boards show my name, 大字模式, the organisers' entry and (H5)
// logging out.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CATEGORY_LABELS, ROLE_LABELS } from '@core/domain/org/roles';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button, Switch } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { useRefreshKey } from '@/components/MemberGate';
import { useState } from 'react';
import { call, getSessionOpenid, isWebSession, IS_H5, signOut, toApiError } from '@/api';
import { beijingDateTime } from '@/utils/exam-format';
import { useAction, useMe, useSenior } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { ContestRankSwitch } from '@/sections/quiz/ContestsSection';
import './index.scss';

function Profile() {
  const { me, error, loading, reload } = useMe();
  if (me === undefined) return <LoadingOrError bare state={{ loading, error, reload }} />;
  if (!me.bound) {
    return (
      <View className='mine-profile'>
        <View className='mine-avatar mine-avatar--empty'>?</View>
        <View className='mine-profile__main'>
          <Text className='mine-profile__name'>尚未绑定党支部</Text>
          <Text className='mine-profile__line'>绑定后显示您的支部和身份</Text>
          <Button id='go-bind' className='btn-gap' type='primary' onClick={() => goPage(PAGE.bind)}>
            去绑定
          </Button>
          {/* A fresh install's first admin is granted by command with this id (README, 部署). */}
          <Text className='mine-profile__line mine-openid' id='mine-openid' userSelect onLongPress={() => void Taro.setClipboardData({ data: me.openid })}>
            微信身份编号：{me.openid}
          </Text>
        </View>
      </View>
    );
  }
  const m = me.member;
  return (
    <View className='mine-profile' id='mine-profile'>
      <View className='mine-avatar'>{m.name.slice(0, 1)}</View>
      <View className='mine-profile__main'>
        <Text className='mine-profile__name'>{m.name}</Text>
        <View className='mine-profile__tags'>
          <Text className={`tag ${m.role === 'member' ? '' : 'tag--red'}`}>{m.roleLabel || ROLE_LABELS[m.role]}</Text>
          <Text className={`tag ${m.category === 'probationary' ? 'tag--gold' : ''}`}>{CATEGORY_LABELS[m.category]}</Text>
        </View>
      </View>
    </View>
  );
}

/**
 * 网页登录码: a one-time code to sign in on the web (a PC's browser), issued on tap and shown here
 * once with its expiry. Not offered to a web sign-in itself (a web session cannot extend itself).
 */
function WebCodeRow() {
  const [issued, setIssued] = useState<{ code: string; expiresAt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const issue = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call('org', 'issueWebCode', {});
      setIssued({ code: res.code, expiresAt: res.expiresAt });
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <View id='mine-web-code' className='row-link' hoverClass='mine-pressed' onClick={() => void issue()}>
        <Text>网页登录码</Text>
        <Text className='row-link__arrow'>{busy ? '…' : '›'}</Text>
      </View>
      {issued ? (
        <View className='mine-web-code'>
          <Text id='mine-web-code-value' className='mine-web-code__value' userSelect>
            {issued.code.slice(0, 4)} {issued.code.slice(4)}
          </Text>
          <Text className='mine-web-code__line'>在电脑或手机浏览器打开网页版，输入这个登录码即可登录。</Text>
          <Text className='mine-web-code__line'>{beijingDateTime(issued.expiresAt)}前有效，只能用一次；再获取一个，这个就作废。</Text>
        </View>
      ) : (
        <Text className='mine-web-code__line'>{error ?? '在电脑上使用网页版时，用它登录。'}</Text>
      )}
    </Card>
  );
}

function OrgInfo() {
  const { me } = useMe();
  if (!me?.bound) return null;
  const m = me.member;
  return (
    <Card title='组织信息'>
      <View className='mine-info'>
        <Text className='mine-info__label'>所在支部</Text>
        <Text className='mine-info__value'>{m.unit.name}</Text>
      </View>
      <View className='mine-info'>
        <Text className='mine-info__label'>所属单位</Text>
        <Text className='mine-info__value'>{m.org.name}</Text>
      </View>
      <View className='mine-info'>
        <Text className='mine-info__label'>身份</Text>
        <Text className='mine-info__value'>{ROLE_LABELS[m.role]}</Text>
      </View>
      <View className='mine-info'>
        <Text className='mine-info__label'>党员类别</Text>
        <Text className='mine-info__value'>{CATEGORY_LABELS[m.category]}</Text>
      </View>
    </Card>
  );
}

/** 我的积分 with the total, reloaded whenever the tab shows again (points come from other pages). */
function PointsRow() {
  const shown = useRefreshKey();
  const points = useAction('points', 'myPoints', {}, [shown]);
  const total = points.data?.total;
  return (
    <Card>
      <View id='go-points' className='row-link' hoverClass='mine-pressed' onClick={() => goPage(PAGE.pointsMine)}>
        <Text>我的积分</Text>
        <View className='mine-points'>
          <Text id='mine-points-total' className='mine-points__value'>
            {total === undefined ? '' : `${total} 分`}
          </Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      </View>
    </Card>
  );
}

/** 我负责的实事: shown only to a member who owns task items (open, or done in the last 30 days). */
function TaskItemsRow() {
  const shown = useRefreshKey();
  const items = useAction('campaign', 'myTaskItems', {}, [shown]).data?.items ?? [];
  if (items.length === 0) return null;
  const open = items.filter((i) => i.status !== 'done').length;
  return (
    <Card>
      <View id='go-my-items' className='row-link' hoverClass='mine-pressed' onClick={() => goPage(PAGE.campaignMine)}>
        <Text>我负责的实事</Text>
        <View className='mine-points'>
          <Text className='mine-points__value'>{open > 0 ? `${open} 项在办` : '已办结'}</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      </View>
    </Card>
  );
}

export default function MinePage() {
  const { me } = useMe();
  const [senior, setSenior] = useSenior();
  const canManage = me?.bound === true && me.canManage;

  const onLogout = () => {
    void signOut().finally(() => void Taro.reLaunch({ url: PAGE.login }));
  };

  return (
    <PageShell>
      <Card>
        <Profile />
      </Card>

      {me?.bound ? <PointsRow /> : null}

      {me?.bound ? <TaskItemsRow /> : null}

      {me?.bound ? <ContestRankSwitch /> : null}

      {me?.bound && !isWebSession() ? <WebCodeRow /> : null}

      <OrgInfo />

      {canManage ? (
        <Card>
          <View id='go-admin' className='row-link' hoverClass='mine-pressed' onClick={() => goPage(PAGE.admin)}>
            <Text>管理后台</Text>
            <Text className='row-link__arrow'>›</Text>
          </View>
        </Card>
      ) : null}

      <Card title='阅读设置'>
        <View className='row-link mine-senior'>
          <View className='mine-senior__text'>
            <Text className='mine-senior__title'>大字模式</Text>
            <Text className='mine-senior__desc'>{senior ? '已开启：字号放大' : '已关闭：标准字号'}</Text>
          </View>
          <Switch id='senior-switch' checked={senior} onChange={(v: boolean) => setSenior(v)} />
        </View>
      </Card>

      {IS_H5 ? (
        <Card>
          <Text className='mine-session muted'>{isWebSession() ? '已用网页登录码登录' : `当前体验身份：${getSessionOpenid() || '未知'}`}</Text>
          <Button id='logout' block className='btn-gap' fill='outline' onClick={onLogout}>
            退出登录
          </Button>
        </Card>
      ) : null}
    </PageShell>
  );
}
