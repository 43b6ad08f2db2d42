// 报送情况: one report asked of the units below, unit by unit — late first, then missing, returned,
// pending, submitted and accepted (the server orders them) — each with its state in colour and
// words, how late it came and why it was returned; a row opens the report. 提醒未报送 reminds the
// organisers of the units that have not submitted and says honestly whom it reached. The level
// above writes each unit's assessment here (填写评价: a grade and a few words) and reads it back on
// the row once saved (修改评价 starts from it); the unit seen's own assessment, written by the
// level above it, is shown at the top as feedback (read only).
import { useRef, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { AssessmentView, ReportStatusRow } from '@core/contracts';
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
import { useAction, useMutation } from '@/hooks';
import { beijingDateTime } from '@/utils/exam-format';
import { dayText, dueWords, GRADE_LABELS, GRADES, lateText, remindSentence, REPORT_STATE_LABELS, REPORT_STATE_TAG, type Grade } from '@/utils/campaign-format';
import { goPage, PAGE } from '@/utils/nav';
import ReportTotals from './components/ReportTotals';
import './components/campaign-ui.scss';
import './reports.scss';

/** An assessment in words: 良好 · 方案具体，按时报送 (the grade, the text, either may be missing). */
function assessmentWords(a: AssessmentView): string {
  return [a.grade ? GRADE_LABELS[a.grade] : '', a.text].filter((x) => x !== '').join(' · ');
}

/** 填写评价 / 修改评价: starts from the stored assessment when there is one. */
function AssessmentDialog({ campaignId, row, onClose, onSaved }: { campaignId: string; row: ReportStatusRow; onClose: () => void; onSaved: () => void }) {
  const [grade, setGrade] = useState<Grade | null>(row.assessment?.grade ?? null);
  const [text, setText] = useState(row.assessment?.text ?? '');
  const save = useMutation('campaign', 'saveAssessment');
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = async () => {
    if (!grade && text.trim().length === 0) {
      setProblem('请选择等次或写几句评价');
      return;
    }
    setProblem(null);
    const done = await save.run({ campaignId, unitId: row.unitId, grade, text: text.trim() });
    if (done) onSaved();
  };
  return (
    <Dialog
      id='assessment-dialog'
      title={`评价：${row.unitName}`}
      confirmText='保存评价'
      onConfirm={() => void confirm()}
      onCancel={onClose}
      running={save.running}
      error={problem ?? save.error?.message ?? null}
    >
      <Text className='ui-dialog__desc'>评价写入四落实评估表；该单位的管理员能看到评价，但不能修改。</Text>
      <View className='field btn-gap'>
        <Text className='field__label'>等次</Text>
        <Chips id='assessment-grade' options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))} selected={grade ? [grade] : []} onToggle={(g) => setGrade(g === grade ? null : g)} />
      </View>
      <View className='field'>
        <Text className='field__label'>评价</Text>
        <Textarea
          id='assessment-text'
          className='field__textarea'
          placeholderClass='placeholder'
          placeholder='如：方案具体，按时报送，活动组织扎实'
          maxlength={2000}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
    </Dialog>
  );
}

function StatusRow({ campaignId, askKey, row, onAssess }: { campaignId: string; askKey: string; row: ReportStatusRow; onAssess: () => void }) {
  const late = lateText(row.lateMinutes);
  return (
    <View className='cmp-status' id={`status-${row.unitId}`} style={{ paddingLeft: `${Math.max(0, row.depth - 1) * 16}px` }}>
      <View className='cmp-status__main' hoverClass='admin-row--pressed' onClick={() => goPage(`${PAGE.campaignReport}?id=${campaignId}&ask=${askKey}&unit=${row.unitId}`)}>
        <View className='cmp-status__text'>
          <Text className='cmp-status__name'>
            {row.depth > 1 ? '└ ' : ''}
            {row.unitName}
          </Text>
          <View className='admin-row__head cmp-status__tags'>
            <Text className={REPORT_STATE_TAG[row.state]} id={`status-${row.unitId}-state`}>
              {REPORT_STATE_LABELS[row.state]}
            </Text>
            {late ? <Text className='tag tag--red'>{late}</Text> : null}
            {row.fileCount > 0 ? <Text className='tag'>附件 {row.fileCount}</Text> : null}
          </View>
          {row.state === 'returned' && row.returnedReason ? (
            <Text className='cmp-line cmp-line--warn' id={`status-${row.unitId}-reason`}>
              退回原因：{row.returnedReason}
            </Text>
          ) : null}
          {row.assessment ? (
            <Text className='cmp-line' id={`status-${row.unitId}-assessment`}>
              已评价：{assessmentWords(row.assessment)}
            </Text>
          ) : null}
        </View>
        <Text className='row-link__arrow'>›</Text>
      </View>
      {row.mayReview ? (
        <Button id={`status-${row.unitId}-assess`} className='cmp-status__assess' size='small' fill='outline' onClick={onAssess}>
          {row.assessment ? '修改评价' : '填写评价'}
        </Button>
      ) : null}
    </View>
  );
}


function Reports({ campaignId, askKey, unitId }: { campaignId: string; askKey: string; unitId: string | null }) {
  const status = useAction('campaign', 'reportStatus', { campaignId, askKey, unitId }, [campaignId, askKey, unitId]);
  const remind = useMutation('campaign', 'remindReports');
  const [reminded, setReminded] = useState<string | null>(null);
  const [assessing, setAssessing] = useState<ReportStatusRow | null>(null);
  const firstShow = useRef(true);
  const today = beijingDayKey(Date.now());
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else status.reload();
  });
  usePullDownRefresh(() => {
    status.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  if (!status.data) return <LoadingOrError state={status} />;
  const s = status.data;
  const notIn = s.rows.filter((r) => r.state === 'pending' || r.state === 'missing' || r.state === 'draft' || r.state === 'returned').length;
  const runRemind = async () => {
    const r = await remind.run({ campaignId, askKey, unitId });
    if (r) setReminded(remindSentence(r));
  };
  return (
    <>
      <Card id='status-head'>
        <Text className='cmp-status__title' id='status-title'>
          {s.title}
        </Text>
        <Text className='cmp-line'>
          截止 {dayText(s.dueDay, today)}（{dueWords(s.dueDay, today)}）{s.closed ? ' · 已停止接收报告' : ''}
        </Text>
        <View className='btn-gap'>
          <ReportTotals totals={s.totals} id='status-totals' />
        </View>
        <Text className='cmp-line'>
          待报送 {s.totals.pending} · 已通过 {s.totals.accepted}
        </Text>
        {notIn > 0 && !s.closed ? (
          <Button id='status-remind' className='btn-gap' block type='primary' loading={remind.running} disabled={remind.running} onClick={() => void runRemind()}>
            提醒未报送的单位（{notIn} 个）
          </Button>
        ) : null}
        <FormError id='status-remind-error' className='btn-gap' message={remind.error?.message ?? null} />
        {reminded ? (
          <View className='notice notice--ok btn-gap' id='status-reminded'>
            <Text className='notice__text'>{reminded}</Text>
          </View>
        ) : null}
        {s.seenAssessment ? (
          <View className='notice btn-gap' id='status-seen-assessment'>
            <Text className='notice__title'>上级对本单位的评价</Text>
            <Text className='notice__text'>{assessmentWords(s.seenAssessment)}</Text>
            <Text className='notice__text'>
              {s.seenAssessment.byName} · {beijingDateTime(s.seenAssessment.at)}
            </Text>
          </View>
        ) : null}
      </Card>
      <Card title='各单位' id='status-rows'>
        {s.rows.length === 0 ? (
          <EmptyView title='没有需要报送的单位' desc='这项报送只对下级单位提出' />
        ) : (
          s.rows.map((row) => <StatusRow key={row.unitId} campaignId={campaignId} askKey={askKey} row={row} onAssess={() => setAssessing(row)} />)
        )}
      </Card>
      {assessing ? (
        <AssessmentDialog
          campaignId={campaignId}
          row={assessing}
          onClose={() => setAssessing(null)}
          onSaved={() => {
            setAssessing(null);
            status.reload();
            void Taro.showToast({ title: '评价已保存', icon: 'none' });
          }}
        />
      ) : null}
    </>
  );
}

export default function CampaignReportsPage() {
  const { params } = useRouter();
  const campaignId = params.id || '';
  const askKey = params.ask || '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          campaignId && askKey ? (
            <Reports campaignId={campaignId} askKey={askKey} unitId={params.unit || null} />
          ) : (
            <Card>
              <EmptyView title='没有指定报送要求' desc='请从专项行动详情进入' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
