// 考试情况: one exam at a glance for its organisers — each branch's numbers (应考, 已考, 缺考,
// 及格 …), the score distribution, each question's accuracy — and one branch's names with who has
// not taken part: copy that list, remind them, export everything, give extra time, reopen an
// attempt, correct a wrong key and regrade (with its 重新评分记录), and once the exam is over,
// arrange a make-up (补考) and draft its report (考试总结).
import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { View } from '@tarojs/components';
import { openFile } from '@/api';
import { goPage, PAGE } from '@/utils/nav';
import { useAction, useMutation } from '@/hooks';
import StatsHead from './components/StatsHead';
import BranchTable from './components/BranchTable';
import { Distribution, QuestionStats } from './components/ScoreCharts';
import BranchRoster from './components/BranchRoster';
import MakeupDialog from './components/MakeupDialog';
import ReportCard from './components/ReportCard';
import RegradeLog from './components/RegradeLog';
import './components/ui.scss';
import './stats.scss';

function Stats({ examId }: { examId: string }) {
  const stats = useAction('exam', 'examStats', { examId }, [examId]);
  const exporter = useMutation('exam', 'exportResults');
  const [makeup, setMakeup] = useState(false);
  const [rosterKey, setRosterKey] = useState(0);

  usePullDownRefresh(() => {
    stats.reload();
    setRosterKey((k) => k + 1);
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const runExport = async () => {
    const file = await exporter.run({ examId });
    if (!file) return;
    try {
      await openFile(file.url, file.fileName);
      void Taro.showToast({ title: '成绩表已生成', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '成绩表没有打开，请重试', icon: 'none' });
    }
  };

  if (!stats.data) return <LoadingOrError state={stats} />;
  const s = stats.data;

  return (
    <>
      <StatsHead
        examId={examId}
        stats={s}
        exporting={exporter.running}
        exportError={exporter.error?.message}
        onExport={() => void runExport()}
        onMakeup={() => setMakeup(true)}
      />

      <Card title='各支部情况'>
        <BranchTable stats={s} />
      </Card>

      <Card title='分数分布'>
        <Distribution unit={s.overall} />
      </Card>

      <Card title='各题正确率'>
        <QuestionStats questions={s.questions} />
        {s.questions.length > 0 ? (
          <View id='stats-regrade' className='stats-regrade' onClick={() => goPage(`${PAGE.examRegrade}?id=${examId}`)}>
            发现标准答案有误？更正答案并重新评分 ›
          </View>
        ) : null}
      </Card>

      <RegradeLog examId={examId} version={rosterKey} />

      {s.phase === 'closed' ? <ReportCard examId={examId} /> : null}

      <Card title='支部名单' id='stats-branch'>
        <BranchRoster key={rosterKey} examId={examId} stats={s} onChanged={stats.reload} />
      </Card>

      {makeup ? <MakeupDialog examId={examId} onClose={() => setMakeup(false)} /> : null}
    </>
  );
}

export default function StatsPage() {
  const router = useRouter();
  const examId = router.params.id || '';
  // The statistics view does not say whether the exam is a make-up; the list passes it along.
  return (
    <PageShell>
      <AdminGate>
        {() =>
          examId ? (
            <Stats examId={examId} />
          ) : (
            <Card>
              <EmptyView title='没有指定考试' desc='请从“考试管理”进入' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
