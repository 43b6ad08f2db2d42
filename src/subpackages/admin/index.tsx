// 管理后台: the units I manage at a glance (members, bound share, invite code) and the ways in to
// exams and the question bank, event sign-ups, check-in statistics, publicity posts, the roster, roster import and
// bind requests.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';
import type { ManagedUnit, MeMember } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import { percent } from '@/utils/format';
import { goPage, PAGE } from '@/utils/nav';
import AdminGate from '@/components/AdminGate';
import './index.scss';
import { isPickableUnit } from '@core/domain/units';

function UnitCard({ unit, canReset, onChanged }: { unit: ManagedUnit; canReset: boolean; onChanged: () => void }) {
  const reset = useMutation('org', 'resetInviteCode');
  const share = percent(unit.boundCount, unit.memberCount);

  const copy = () => {
    if (!unit.inviteCode) return;
    void Taro.setClipboardData({ data: unit.inviteCode }).then(() => Taro.showToast({ title: '邀请码已复制', icon: 'none' }));
  };

  const confirmReset = async () => {
    const answer = await Taro.showModal({
      title: '重置邀请码',
      content: '重置后旧邀请码立即失效，还没绑定的党员需要使用新邀请码。确定重置吗？',
      confirmText: '重置',
      confirmColor: '#C8161D',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    const done = await reset.run({ unitId: unit.id });
    if (done) {
      void Taro.showToast({ title: `新邀请码 ${done.inviteCode}`, icon: 'none' });
      onChanged();
    }
  };

  return (
    <Card title={unit.name} extra={<Text className='tag'>{unit.kind === 'org' ? '单位' : '支部'}</Text>} className='unit-card'>
      <View className='unit-card__counts'>
        <Text>
          成员 <Text className='unit-card__num'>{unit.memberCount}</Text> 人
        </Text>
        <Text>
          已绑定 <Text className='unit-card__num'>{unit.boundCount}</Text> 人
        </Text>
      </View>
      <View className='bar' aria-label={`已绑定 ${share}%`}>
        <View className='bar__fill' style={{ width: `${share}%` }} />
      </View>
      <Text className='unit-card__share muted'>绑定率 {share}%</Text>

      {unit.inviteCode ? (
        <View className='unit-card__code'>
          <View className='unit-card__code-text'>
            <Text className='muted'>支部邀请码</Text>
            <Text className='unit-card__code-value'>{unit.inviteCode}</Text>
          </View>
          <View className='unit-card__code-actions'>
            <Button size='small' fill='outline' type='primary' onClick={copy}>
              复制
            </Button>
            {canReset ? (
              <Button size='small' fill='outline' loading={reset.running} onClick={() => void confirmReset()}>
                重置
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      {reset.error ? (
        <View className='form-error'>
          <Text className='form-error__mark'>!</Text>
          <Text>{reset.error.message}</Text>
        </View>
      ) : null}

      <View className='unit-card__links'>
        <Button size='small' fill='outline' onClick={() => goPage(`${PAGE.adminRoster}?unitId=${unit.id}`)}>
          名单
        </Button>
        {isPickableUnit(unit) ? (
          <Button size='small' fill='outline' onClick={() => goPage(`${PAGE.adminImport}?unitId=${unit.id}`)}>
            导入名单
          </Button>
        ) : null}
        <Button size='small' fill='outline' onClick={() => goPage(`${PAGE.adminRequests}?unitId=${unit.id}`)}>
          绑定申请
        </Button>
      </View>
    </Card>
  );
}

function Units({ member }: { member: MeMember }) {
  const units = useAction('org', 'listUnits', {}, []);
  const firstShow = useRef(true);

  // Coming back from an import or a review: counts may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else units.reload();
  });
  usePullDownRefresh(() => {
    units.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const list = units.data?.units ?? [];
  return (
    <>
      <Card title='常用管理'>
        <View id='admin-exams' className='row-link' onClick={() => goPage(PAGE.examAdmin)}>
          <Text>考试与题库</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-events' className='row-link' onClick={() => goPage(PAGE.eventAdmin)}>
          <Text>活动报名管理</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-checkins' className='row-link' onClick={() => goPage(PAGE.checkinAdmin)}>
          <Text>学习打卡统计</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-posts' className='row-link' onClick={() => goPage(PAGE.feedAdmin)}>
          <Text>宣传文章管理</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-roster' className='row-link' onClick={() => goPage(PAGE.adminRoster)}>
          <Text>党员名单</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-import' className='row-link' onClick={() => goPage(PAGE.adminImport)}>
          <Text>导入名单</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-requests' className='row-link' onClick={() => goPage(PAGE.adminRequests)}>
          <Text>绑定申请</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      </Card>

      <View className='page-intro'>
        <Text className='page-intro__title'>我管理的组织</Text>
      </View>
      {units.loading && !units.data ? (
        <Card>
          <LoadingView />
        </Card>
      ) : units.error && !units.data ? (
        <Card>
          <ErrorView message={units.error.message} onRetry={units.reload} />
        </Card>
      ) : list.length === 0 ? (
        <Card>
          <EmptyView title='暂无可管理的支部' desc='请联系单位管理员为您设置管理范围' />
        </Card>
      ) : (
        list.map((u) => <UnitCard key={u.id} unit={u} canReset={member.role === 'org_admin'} onChanged={units.reload} />)
      )}
    </>
  );
}

export default function AdminIndexPage() {
  return (
    <PageShell>
      <AdminGate>{(member) => <Units member={member} />}</AdminGate>
    </PageShell>
  );
}
