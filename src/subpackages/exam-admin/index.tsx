// 考试管理: the organiser's exams (newest first) and the ways in to the bank, question import,
// error reports and a new exam. A draft opens in the editor, a published exam in its statistics;
// an exam that is open also offers 监考.
import { useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ManagedExamRow } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { useAction, usePaged } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { formatWindow, PHASE_LABELS, PHASE_TAG_CLASS } from './components/format';
import './components/ui.scss';
import './index.scss';

function ExamItem({ exam }: { exam: ManagedExamRow }) {
  const stats = `${PAGE.examStats}?id=${exam.id}`;
  const open = () => goPage(exam.phase === 'draft' ? `${PAGE.examEditor}?id=${exam.id}` : stats);
  const count =
    exam.phase === 'draft' ? '尚未发布' : `已交卷 ${exam.submitted} / ${exam.audience} 人`;
  return (
    <View className='admin-row' id={`exam-row-${exam.id}`} hoverClass='admin-row--pressed' onClick={open}>
      <View className='admin-row__head'>
        <Text className='admin-row__title'>{exam.title}</Text>
        {exam.kind === 'makeup' ? <Text className='tag tag--gold'>补考</Text> : null}
        <Text className={PHASE_TAG_CLASS[exam.phase]}>{PHASE_LABELS[exam.phase]}</Text>
      </View>
      <Text className='exam-row__window muted'>{formatWindow(exam.opensAt, exam.closesAt)}</Text>
      <Text className='admin-row__meta'>面向：{exam.unitNames.join('、') || '—'}</Text>
      {exam.phase === 'open' ? (
        <View className='exam-row__open'>
          <Text className='exam-row__count'>{count}</Text>
          <Button
            id={`exam-monitor-${exam.id}`}
            size='small'
            type='primary'
            fill='outline'
            onClick={(e) => {
              e.stopPropagation();
              goPage(`${PAGE.examMonitor}?id=${exam.id}`);
            }}
          >
            监考
          </Button>
        </View>
      ) : (
        <Text className='exam-row__count'>{count}</Text>
      )}
    </View>
  );
}

function ExamHome() {
  const exams = usePaged('exam', 'listManagedExams', {}, []);
  const summary = useAction('exam', 'bankSummary', {}, []);
  const firstShow = useRef(true);

  // Back from the editor, a publish or a resolved report: the list and counts may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else {
      exams.reload();
      summary.reload();
    }
  });
  usePullDownRefresh(() => {
    exams.reload();
    summary.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const openReports = summary.data?.openReports ?? 0;
  return (
    <>
      <Card>
        <Button id='exam-new' block type='primary' size='large' onClick={() => goPage(PAGE.examEditor)}>
          新建考试
        </Button>
        <View className='admin-actions btn-gap'>
          <Button id='exam-bank' className='admin-actions__btn' fill='outline' onClick={() => goPage(PAGE.examBank)}>
            题库{summary.data ? `（${summary.data.active}）` : ''}
          </Button>
          <Button id='exam-import' className='admin-actions__btn' fill='outline' onClick={() => goPage(PAGE.examImport)}>
            导入题目
          </Button>
        </View>
        <View id='exam-reports' className='row-link btn-gap' onClick={() => goPage(PAGE.examReports)}>
          <Text>纠错反馈</Text>
          <View className='exam-home__reports'>
            {openReports > 0 ? <Text className='badge'>{openReports} 条待处理</Text> : summary.data ? <Text className='muted'>暂无待处理</Text> : null}
            <Text className='row-link__arrow'>›</Text>
          </View>
        </View>
      </Card>

      <Card title='我发布的考试' id='exam-list'>
        <PagedList
          list={exams}
          empty={{
            title: '还没有考试',
            desc: '点“新建考试”，选好支部、时间和题目后发布',
            action: (
              <Button block type='primary' onClick={() => goPage(PAGE.examEditor)}>
                新建考试
              </Button>
            ),
          }}
          moreId='exam-more'
          endText={`已显示全部 ${exams.items.length} 场考试`}
        >
          {(items) => items.map((e) => <ExamItem key={e.id} exam={e} />)}
        </PagedList>
      </Card>
    </>
  );
}

export default function ExamAdminIndexPage() {
  return (
    <PageShell>
      <AdminGate>{() => <ExamHome />}</AdminGate>
    </PageShell>
  );
}
