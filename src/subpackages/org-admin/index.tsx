// 管理后台: the units I manage at a glance (members, bound share, invite code) and the ways in to
// exams and the question bank, event sign-ups, check-in statistics, publicity posts, the roster, roster import and
// bind requests.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';
import type { ManagedUnit, MeMember } from '@core/contracts';
import PageShell from '@/components/PageShell';
import { askConfirm } from '@/components/Dialog/confirm';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import Loaded, { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import { percent } from '@/utils/format';
import { goPage, PAGE } from '@/utils/nav';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import './index.scss';
import { isPickableUnit } from '@core/domain/org/units';

/** First run on a new installation: what to do next, ticked off from the data; gone once all is done. */
function SetupChecklist() {
  const setup = useAction('org', 'getSetup', {}, []);
  if (!setup.data || setup.data.done) return null;
  const next = setup.data.steps.find((s) => !s.done);
  return (
    <Card title='开始使用：四步完成设置' className='setup-card'>
      <View id='setup-checklist'>
        {setup.data.steps.map((s, i) => (
          <View key={s.key} id={`setup-${s.key}`} className={s.done ? 'setup-step setup-step--done' : 'setup-step'}>
            <Text className='setup-step__mark'>{s.done ? '✓' : String(i + 1)}</Text>
            <View className='setup-step__body'>
              <Text className='setup-step__title'>
                {s.title}
                {s.done ? '（已完成）' : s === next ? '（下一步）' : ''}
              </Text>
              {s.done ? null : <Text className='setup-step__hint'>{s.hint}</Text>}
            </View>
          </View>
        ))}
      </View>
      {next?.key === 'units' ? (
        <Button id='setup-go-units' block type='primary' onClick={() => goPage(PAGE.adminUnits)}>
          去建立组织架构
        </Button>
      ) : null}
    </Card>
  );
}

/**
 * The top of the caller's scope at a glance: its whole subtree's members and bindings, today's
 * check-ins and the exams open now, from one roll-up read (docs/ARCHITECTURE.md).
 */
function ScopeSummary({ unit }: { unit: ManagedUnit }) {
  const r = useAction('org', 'getRollup', { unitId: unit.id }, [unit.id]);
  if (!r.data) return <LoadingOrError state={r} title={unit.name} />;
  const d = r.data;
  const today = d.checkins.days[d.checkins.days.length - 1]?.count ?? 0;
  const open = d.exams.filter((e) => e.phase === 'open');
  return (
    <Card title={`${d.unit.name}（含下级）`} className='scope-card'>
      <View className='scope-card__tiles' id='scope-summary'>
        <View className='scope-card__tile'>
          <Text className='scope-card__num' id='scope-members'>
            {d.members}
          </Text>
          <Text className='scope-card__label'>党员人数</Text>
        </View>
        <View className='scope-card__tile'>
          <Text className='scope-card__num' id='scope-bound'>
            {percent(d.bound, d.members)}%
          </Text>
          <Text className='scope-card__label'>已绑定 {d.bound} 人</Text>
        </View>
        <View className='scope-card__tile'>
          <Text className='scope-card__num' id='scope-checkins'>
            {today}
          </Text>
          <Text className='scope-card__label'>今日打卡</Text>
        </View>
      </View>
      <Text className='scope-card__line'>
        共 {d.units} 个组织 · 近7天打卡 {d.checkins.total} 人次 · 近7天活动 {d.events.count} 场，签到 {d.events.attended} 人次
      </Text>
      {open.map((e) => (
        <Text key={e.examId} className='scope-card__line'>
          考试《{e.title}》进行中：已交卷 {e.submitted} 人，未参加 {e.notYet} 人
        </Text>
      ))}
    </Card>
  );
}

function UnitCard({ unit, canReset, onChanged }: { unit: ManagedUnit; canReset: boolean; onChanged: () => void }) {
  const reset = useMutation('org', 'resetInviteCode');
  const share = percent(unit.subtreeBound, unit.subtreeMembers);

  const copy = () => {
    if (!unit.inviteCode) return;
    void Taro.setClipboardData({ data: unit.inviteCode }).then(() => Taro.showToast({ title: '邀请码已复制', icon: 'none' }));
  };

  const confirmReset = async () => {
    const answer = await askConfirm({
      title: '重置邀请码',
      content: '重置后旧邀请码立即失效，还没绑定的党员需要使用新邀请码。确定重置吗？',
      confirmText: '重置',
      cancelText: '取消',
    });
    if (!answer) return;
    const done = await reset.run({ unitId: unit.id });
    if (done) {
      void Taro.showToast({ title: `新邀请码 ${done.inviteCode}`, icon: 'none' });
      onChanged();
    }
  };

  return (
    <Card title={unit.name} extra={<Text className='tag'>{unit.kindLabel}</Text>} className='unit-card'>
      <View className='unit-card__counts'>
        <Text>
          {unit.subtreeMembers > unit.memberCount ? '含下级 ' : '党员 '}
          <Text className='unit-card__num'>{unit.subtreeMembers}</Text> 人
        </Text>
        <Text>
          已绑定 <Text className='unit-card__num'>{unit.subtreeBound}</Text> 人
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
            <Button size='small' fill='outline' onClick={() => goPage(`${PAGE.adminInvite}?unitId=${unit.id}`)}>
              小程序码
            </Button>
            {canReset ? (
              <Button size='small' fill='outline' loading={reset.running} onClick={() => void confirmReset()}>
                重置
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      <FormError message={reset.error?.message} />

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

  const all = units.data?.units ?? [];
  // The top of the caller's scope and the level below it; the whole tree is on 组织架构.
  const base = all.length > 0 ? Math.min(...all.map((u) => u.depth)) : 0;
  const list = all.filter((u) => u.status === 'active' && u.depth <= base + 1);
  const hidden = all.filter((u) => u.status === 'active').length - list.length;
  return (
    <>
      {member.role === 'org_admin' ? <SetupChecklist /> : null}
      {all
        .filter((u) => u.depth === base)
        .map((u) => (
          <ScopeSummary key={u.id} unit={u} />
        ))}
      <Card title='常用管理'>
        <View id='admin-units' className='row-link' onClick={() => goPage(PAGE.adminUnits)}>
          <Text>组织架构（新建、移动、撤销组织）</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-organisers' className='row-link' onClick={() => goPage(PAGE.adminOrganisers)}>
          <Text>各级管理员</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-exams' className='row-link' onClick={() => goPage(PAGE.examAdmin)}>
          <Text>考试与题库</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-contests' className='row-link' onClick={() => goPage(PAGE.quizAdmin)}>
          <Text>知识竞赛</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-quiz-flags' className='row-link' onClick={() => goPage(PAGE.quizAdminFlags)}>
          <Text>每日答题异常提醒</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-events' className='row-link' onClick={() => goPage(PAGE.eventAdmin)}>
          <Text>活动报名管理</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='admin-campaigns' className='row-link' onClick={() => goPage(PAGE.campaignAdmin)}>
          <Text>专项行动</Text>
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
      <Loaded state={units}>
        {() =>
          list.length === 0 ? (
            <Card>
              <EmptyView title='暂无可管理的支部' desc='请联系单位管理员为您设置管理范围' />
            </Card>
          ) : (
            list.map((u) => <UnitCard key={u.id} unit={u} canReset={member.role === 'org_admin'} onChanged={units.reload} />)
          )
        }
      </Loaded>
      {hidden > 0 ? (
        <View className='row-link' onClick={() => goPage(PAGE.adminUnits)}>
          <Text>还有 {hidden} 个下级组织，在“组织架构”中查看</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      ) : null}
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
