// 报告: one unit's report for one ask. Its organisers write it (a large text box), attach files
// (PDF, Word, Excel, pictures; ≤ 20 MB each), tick the submitted reports of the units below to
// gather into it, and 保存草稿 or 报送 (asked first); once sent it is read only unless it comes
// back returned, with the reason at the top. After a save the page offers 开启报送提醒 (the
// campaign subscribe message). The level above 通过 it or 退回 it with a reason. Every step is in
// the history at the bottom.
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ReportStatusView, ReportView } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { askConfirm } from '@/components/Dialog/confirm';
import { ReasonDialog } from '@/components/Dialog';
import { ActionBar } from '@/components/Editor';
import FormError from '@/components/FormError';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { Button } from '@/components/nut';
import { call, toApiError } from '@/api';
import { useAction, useMutation, type AsyncState } from '@/hooks';
import { beijingDateTime } from '@/utils/exam-format';
import { dayText, dueWords, lateText, ownState, REPORT_STATE_LABELS, REPORT_STATE_TAG } from '@/utils/campaign-format';
import { Checklist } from './components/Checklist';
import { ReportFiles, type AttachedFile } from './components/ReportFiles';
import { ReportReminder } from './components/ReportReminder';
import './components/campaign-ui.scss';
import './report.scss';

const HISTORY_WORDS: Record<ReportView['history'][number]['action'], string> = {
  saved: '保存草稿',
  submitted: '报送',
  returned: '退回',
  accepted: '通过',
};

const RETURN_REASONS = ['内容不完整，请补充', '缺少附件材料', '请按要求修改格式'];

/** Whether the unit's organisers may still change it: not yet sent, or sent back. */
function editable(v: ReportView): boolean {
  return v.mayEdit && (v.state === 'none' || v.state === 'draft' || v.state === 'returned');
}

function StateCard({ v, title, today }: { v: ReportView; title: string; today: string }) {
  const state = ownState(v.state, v.dueDay, today);
  const late = lateText(v.lateMinutes);
  return (
    <Card id='report-head'>
      <Text className='cmp-report__unit'>{v.unitName}</Text>
      <Text className='cmp-report__title' id='report-title'>
        {title}
      </Text>
      <View className='admin-row__head btn-gap'>
        <Text className={REPORT_STATE_TAG[state]} id='report-state'>
          {REPORT_STATE_LABELS[state]}
        </Text>
        {late ? <Text className='tag tag--red'>{late}</Text> : null}
      </View>
      <Text className='cmp-line'>
        截止 {dayText(v.dueDay, today)}
        {state === 'pending' || state === 'draft' ? `（${dueWords(v.dueDay, today)}）` : ''}
        {v.submittedAt ? ` · 报送于 ${beijingDateTime(v.submittedAt)}` : ''}
      </Text>
      {v.state === 'returned' && v.returnedReason ? (
        <View className='notice notice--bad btn-gap' id='report-returned'>
          <Text className='notice__title'>上级退回了这份报告</Text>
          <Text className='notice__text' id='report-returned-reason'>
            退回原因：{v.returnedReason}
          </Text>
          {v.mayEdit ? <Text className='notice__text'>请按意见修改后重新报送。</Text> : null}
        </View>
      ) : null}
      {v.state === 'accepted' ? (
        <View className='notice notice--ok btn-gap'>
          <Text className='notice__title'>✓ 上级已通过</Text>
        </View>
      ) : null}
    </Card>
  );
}

/** The reports of the units below this one that may be gathered into it: those sent up. */
function gatherable(status: ReportStatusView | undefined): Array<{ id: string; title: string; meta: string }> {
  return (status?.rows ?? [])
    .filter((r) => r.reportId !== null && (r.state === 'submitted' || r.state === 'accepted'))
    .map((r) => ({ id: r.reportId as string, title: r.unitName, meta: `${REPORT_STATE_LABELS[r.state]}${r.lateMinutes ? ` · ${lateText(r.lateMinutes)}` : ''}` }));
}

function ReportForm({ v, below, closed, onSaved }: { v: ReportView; below: ReportStatusView | undefined; closed: boolean; onSaved: () => void }) {
  const [text, setText] = useState(v.text);
  const [files, setFiles] = useState<AttachedFile[]>(v.files.map((f) => ({ ...f })));
  const [gathered, setGathered] = useState<string[]>(v.gathered.map((g) => g.reportId));
  const save = useMutation('campaign', 'saveReport');
  const [submitting, setSubmitting] = useState(false);
  const options = gatherable(below);
  // Gathered before but no longer listed as sent (returned meanwhile): still shown, to untick.
  const extra = v.gathered.filter((g) => !options.some((o) => o.id === g.reportId)).map((g) => ({ id: g.reportId, title: g.unitName, meta: REPORT_STATE_LABELS[g.state] }));

  const run = async (submit: boolean) => {
    const done = await save.run({
      campaignId: v.campaignId,
      askKey: v.askKey,
      unitId: v.unitId,
      text,
      files: files.map((f) => ({ fileID: f.fileID, name: f.name })),
      gathered,
      submit,
      ...(v.reportId ? { version: v.version } : {}),
    });
    if (!done) return;
    void Taro.showToast({ title: submit ? (done.lateMinutes ? `已报送（${lateText(done.lateMinutes)}）` : '已报送') : '草稿已保存', icon: 'none' });
    onSaved();
  };

  const onSubmit = async () => {
    if (text.trim().length === 0 && files.length === 0) {
      void Taro.showToast({ title: '请填写报告正文或添加附件', icon: 'none' });
      return;
    }
    const today = beijingDayKey(Date.now());
    const late = today > v.dueDay;
    const ok = await askConfirm({
      title: '报送报告',
      content: `报送给上级后不能再修改，除非上级退回。${late ? '已过截止日期，报送后会标为晚交。' : ''}确定报送吗？`,
      confirmText: '报送',
      cancelText: '再看看',
    });
    if (!ok) return;
    setSubmitting(true);
    await run(true);
    setSubmitting(false);
  };

  return (
    <>
      <Card title='报告正文'>
        <Textarea
          id='report-text'
          className='field__textarea cmp-report__text'
          placeholderClass='placeholder'
          placeholder='写明工作开展情况、主要做法和成效、下一步打算'
          maxlength={20000}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className='admin-note'>{text.length} / 20000 字</Text>
      </Card>
      <Card title='附件'>
        <ReportFiles files={files} onChange={setFiles} />
      </Card>
      {options.length + extra.length > 0 ? (
        <Card title='汇总下级报告' id='report-gather'>
          <Text className='admin-note'>勾选要一并报送给上级的下级单位报告。</Text>
          <View className='btn-gap'>
            <Checklist id='report-gather-list' items={[...extra, ...options]} selected={gathered} onToggle={(id) => setGathered(gathered.includes(id) ? gathered.filter((g) => g !== id) : [...gathered, id])} />
          </View>
        </Card>
      ) : null}
      <Card>
        {closed ? <FormError message='本次专项行动已停止接收报告' /> : null}
        <FormError id='report-error' message={save.error?.message ?? null} />
        <ActionBar
          disabled={save.running || closed}
          buttons={[
            { id: 'report-save', text: '保存草稿', fill: 'outline', loading: save.running && !submitting, onClick: () => void run(false) },
            { id: 'report-submit', text: v.state === 'returned' ? '重新报送' : '报送', type: 'primary', loading: submitting, onClick: () => void onSubmit() },
          ]}
        />
      </Card>
    </>
  );
}

function ReportRead({ v }: { v: ReportView }) {
  return (
    <>
      <Card title='报告正文'>
        {v.text ? (
          <Text className='cmp-report__read' id='report-text-read'>
            {v.text}
          </Text>
        ) : (
          <Text className='muted'>{v.state === 'none' ? '还没有填写' : '没有正文'}</Text>
        )}
      </Card>
      <Card title='附件'>
        <ReportFiles files={v.files} onChange={null} />
      </Card>
      {v.gathered.length > 0 ? (
        <Card title='汇总的下级报告' id='report-gathered'>
          {v.gathered.map((g) => (
            <View key={g.reportId} className='editor-line'>
              <Text>{g.unitName}</Text>
              <Text className={REPORT_STATE_TAG[g.state]}>{REPORT_STATE_LABELS[g.state]}</Text>
            </View>
          ))}
        </Card>
      ) : null}
    </>
  );
}

function ReviewCard({ v, onDone }: { v: ReportView; onDone: () => void }) {
  const accept = useMutation('campaign', 'reviewReport');
  const [returning, setReturning] = useState(false);
  if (!v.mayReview || v.state !== 'submitted' || !v.reportId) return null;
  const reportId = v.reportId;
  const onAccept = async () => {
    const ok = await askConfirm({ title: '通过报告', content: `确定通过${v.unitName}的这份报告吗？`, confirmText: '通过', cancelText: '再看看' });
    if (!ok) return;
    const done = await accept.run({ reportId, decision: 'accept' });
    if (!done) return;
    void Taro.showToast({ title: '已通过', icon: 'none' });
    onDone();
  };
  return (
    <Card title='审核' id='report-review'>
      <Text className='admin-note'>通过后报告定稿；退回后，{v.unitName}修改后可重新报送。</Text>
      <FormError id='report-review-error' className='btn-gap' message={accept.error?.message ?? null} />
      <View className='admin-actions btn-gap'>
        <Button id='report-accept' className='admin-actions__btn' type='primary' loading={accept.running} disabled={accept.running} onClick={() => void onAccept()}>
          通过
        </Button>
        <Button id='report-return' className='admin-actions__btn' fill='outline' disabled={accept.running} onClick={() => setReturning(true)}>
          退回（填写原因）
        </Button>
      </View>
      {returning ? (
        <ReasonDialog
          id='report-return-dialog'
          title='退回报告'
          desc={`退回原因会显示给${v.unitName}的管理员。`}
          confirmText='退回'
          presets={RETURN_REASONS}
          onSubmit={async (reason) => {
            try {
              await call('campaign', 'reviewReport', { reportId, decision: 'return', reason });
              void Taro.showToast({ title: '已退回', icon: 'none' });
              onDone();
              return null;
            } catch (e) {
              return toApiError(e).message;
            }
          }}
          onClose={() => setReturning(false)}
        />
      ) : null}
    </Card>
  );
}

function History({ v }: { v: ReportView }) {
  if (v.history.length === 0) return null;
  return (
    <Card title='记录' id='report-history'>
      {[...v.history].reverse().map((h, i) => (
        <View key={`${h.at}-${i}`} className='cmp-history'>
          <Text className='cmp-history__what'>
            {HISTORY_WORDS[h.action]} · {h.by}
          </Text>
          <Text className='muted'>{beijingDateTime(h.at)}</Text>
          {h.reason ? <Text className='cmp-line'>原因：{h.reason}</Text> : null}
        </View>
      ))}
    </Card>
  );
}

function Report({ campaignId, askKey, unitId }: { campaignId: string; askKey: string; unitId: string }) {
  const report = useAction('campaign', 'getReport', { campaignId, askKey, unitId }, [campaignId, askKey, unitId]);
  // The ask's title and whether reports are still taken, and the units below whose reports may be gathered.
  const below = useAction('campaign', 'reportStatus', { campaignId, askKey, unitId }, [campaignId, askKey, unitId]);
  const today = beijingDayKey(Date.now());
  // Once the unit's organiser has saved or sent it, 开启报送提醒 is offered (a tap asks WeChat).
  const [saved, setSaved] = useState(false);
  const reload = () => {
    report.reload();
    below.reload();
  };
  const onSaved = () => {
    setSaved(true);
    reload();
  };
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  // The status list only adds the title and the gathering choices: the report shows without it.
  const both: AsyncState<ReportView> = report;
  return (
    <Loaded state={both}>
      {(v) => {
        const title = below.data?.title ?? '报告';
        const closed = below.data?.closed ?? false;
        return (
          <>
            <StateCard v={v} title={title} today={today} />
            {/* Only the unit's organisers save it; once sent, mayEdit is false, so the save itself says who they are. */}
            {saved ? (
              <Card title='报送提醒' id='report-remind-card'>
                <ReportReminder id='report-remind' />
              </Card>
            ) : null}
            {editable(v) ? <ReportForm key={`${v.version}-${v.state}`} v={v} below={below.data} closed={closed} onSaved={onSaved} /> : <ReportRead v={v} />}
            <ReviewCard v={v} onDone={reload} />
            <History v={v} />
          </>
        );
      }}
    </Loaded>
  );
}

export default function CampaignReportPage() {
  const { params } = useRouter();
  const campaignId = params.id || '';
  const askKey = params.ask || '';
  const unitId = params.unit || '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          campaignId && askKey && unitId ? (
            <Report campaignId={campaignId} askKey={askKey} unitId={unitId} />
          ) : (
            <Card>
              <EmptyView title='没有指定报告' desc='请从专项行动详情进入' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
