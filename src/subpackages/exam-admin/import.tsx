// 导入题目: download the template, pick a question file (.xlsx/.csv), upload it, preview what
// would happen row by row (新增 / 更新 with what changes / 无变化 / 有误 with the reason), then
// confirm. The cloud function reads and checks the file; this page only shows its report, and
// sends the preview's plan back so the commit applies what was shown or says the bank changed.
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { isQuestionRowProblem, type QuestionSheetReport as QuestionImportReport, type QuestionSheetRow as QuestionImportRow } from '@core/contracts/examImport';
import { QUESTION_TYPE_LABELS } from '@core/domain/exam/questions';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import { ImportColumnHelp, ImportDoneCard, ImportFileStep, ImportPreviewCard, ImportRowTable, ImportTotals, type ImportReportView } from '@/components/ImportFlow';
import { openFile } from '@/api';
import { useImportFlow, useMutation, type ImportFileRule } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { ImportCounts, QuestionAsSeen, SheetChooser } from './importQuestionPreview';
import './components/ui.scss';
import './import.scss';

const STATUS_WORD: Record<QuestionImportRow['status'], string> = {
  ready: '✓ 可导入',
  created: '✓ 已导入',
  duplicate: '= 重复',
  update: '↻ 将更新',
  updated: '↻ 已更新',
  invalid: '! 有误',
};

const COLUMN_HELP: Array<[string, string]> = [
  ['题型', '单选、多选、判断、填空；不填时按选项和答案自动判断'],
  ['题干', '必填'],
  ['选项A～选项H', '选择题从 A 起连续填写，最多 8 个；判断题和填空题不填'],
  ['答案', '单选写 B；多选写 ABD、A,B,D 或 A、B、D；判断写 对/错、√/×、正确/错误 或 T/F；填空的多个空用“；”隔开，一个空有几种说法用“/”“|”或“或”隔开，空数要和题干里的（ ）或 ____ 一样多'],
  ['解析', '选填，交卷后给党员看'],
  ['标签', '党史、新中国史、改革开放史、社会主义发展史、党章党规，也可加自己的标签，用逗号或顿号隔开（引号里的顿号不算）；超过 30 字的标签只保留前 30 字'],
  ['题目编号', '选填，也可叫“编号”或“ID”。有编号时按编号认题，改了题干也能更新原题；没有编号时按题型和题干认题（“题号”“序号”只当行号）'],
  ['难度', '易、中、难（或 1、2、3），不填为“中”'],
  ['仅用于考试', '选填，也可叫“仅考试”“考试专用”“仅限考试”。填 是、1、√ 或 Y 的题只用于考试，不出现在每日答题和竞赛中；填 否 或不填为普通题。再次导入的文件没有这一列时，原来的设置不变'],
];

const isProblem = (r: QuestionImportRow) => isQuestionRowProblem(r);

/** The function reads at most 2000 questions a file; a file that size is far below this. */
const QUESTION_FILE: ImportFileRule = { what: '题目文件', maxBytes: 5 * 1024 * 1024, tooBigAdvice: '请分成几个文件导入' };

const REPORT_VIEW: ImportReportView<QuestionImportReport> = {
  totals: (report) => (
    <>
      <ImportCounts report={report} />
      <ImportTotals id='qimport-totals' report={report} skipped={{ key: 'duplicate', label: '重复', value: report.duplicate }} invalidLabel='有误' />
    </>
  ),
  table: (report) => (
    <ImportRowTable
      rows={report.rows}
      ids={{ table: 'qimport-rows', all: 'qrows-all', problems: 'qrows-problems' }}
      rowIdPrefix='qimport-row-'
      isProblem={isProblem}
      problemsLabel='只看有问题的'
      columns={[
        { head: '题干', cell: (r) => r.stem || '（空）' },
        { head: '题型', cell: (r) => (r.type ? QUESTION_TYPE_LABELS[r.type] : '—') },
      ]}
      statusWord={STATUS_WORD}
      rowExtra={(r) => <QuestionAsSeen row={r} />}
      className='import-table--questions'
      // The browser tests count the report rows by this class.
      rowClassName='qimport-table__row'
    />
  ),
};

function TemplateHelp() {
  const template = useMutation('exam', 'questionTemplate');
  const [problem, setProblem] = useState<string | null>(null);

  const download = async () => {
    setProblem(null);
    const file = await template.run({});
    if (!file) return;
    try {
      await openFile(file.url, file.fileName);
    } catch {
      setProblem('模板没有打开，请重试');
    }
  };

  return (
    <Card title='题目表格的格式' id='qimport-help'>
      <Text className='import-help__lead'>
        表头放在前 10 行内，下面每行一道题，“题干”和“答案”两列必须有。文件有几张表时，读第一张有表头的表（“填写说明”之类会跳过），预览时也可以换一张。
      </Text>
      <Button id='qimport-template' block fill='outline' type='primary' loading={template.running} onClick={() => void download()}>
        下载模板（含示例）
      </Button>
      <FormError message={problem ?? template.error?.message} className='btn-gap' />
      <View className='btn-gap'>
        <ImportColumnHelp columns={COLUMN_HELP} />
      </View>
      <Text className='import-help__lead muted'>一次最多 2000 道题。题库里已有的相同题目会被跳过，不会重复导入。</Text>
    </Card>
  );
}

function Importer() {
  const importQuestions = useMutation('exam', 'importQuestions');
  // A ref, not state: the flow builds the request when it runs, right after a sheet is chosen.
  const sheet = useRef<string | null>(null);
  const plan = useRef<string | null>(null);
  // The commit carries the preview's plan: if the bank changed since, it is refused, not applied blindly.
  const flow = useImportFlow({
    context: 'exam',
    mutation: importQuestions,
    request: (req) => ({ ...req, sheet: sheet.current, plan: req.commit ? plan.current : null }),
    file: QUESTION_FILE,
  });
  plan.current = flow.preview?.plan ?? null;
  const chooseSheet = (name: string) => {
    sheet.current = name;
    void flow.runPreview();
  };

  if (flow.final) {
    return (
      <ImportDoneCard
        flow={flow}
        view={REPORT_VIEW}
        id='qimport-done'
        title={(r) => `已导入 ${r.created} 道题${r.update > 0 ? `，更新 ${r.update} 道` : ''}`}
        notes={(r) => [r.unchanged > 0 && `${r.unchanged} 道无变化`, r.duplicate - r.unchanged > 0 && `${r.duplicate - r.unchanged} 行与前面的行重复，已合并`, r.invalid > 0 && `${r.invalid} 行有误，未导入`]}
        next={{ id: 'qimport-to-bank', text: '查看题库', onClick: () => goPage(PAGE.examBank) }}
      />
    );
  }

  return (
    <>
      <Card title='第一步：选择文件'>
        <ImportFileStep
          flow={flow}
          ids={{ input: 'qimport-file-input', choose: 'qimport-choose', picked: 'qimport-picked', error: 'qimport-error', preview: 'qimport-preview' }}
          label='选择题目文件'
          hint='先把题目文件发到微信（例如发给“文件传输助手”），再从聊天记录中选择。'
        />
      </Card>

      {flow.preview ? <SheetChooser report={flow.preview} disabled={flow.busy} choose={chooseSheet} /> : null}

      <ImportPreviewCard
        flow={flow}
        view={REPORT_VIEW}
        ids={{ card: 'qimport-preview-result', commit: 'qimport-commit' }}
        nothing='没有可以导入或更新的题目'
        canCommit={(r) => r.ready > 0 || r.update > 0}
        summary={(r) =>
          `将导入 ${r.ready} 道新题${r.update > 0 ? `，更新 ${r.update} 道题（文件里的答案、选项、解析、标签、难度和“仅用于考试”为准，标签会按文件增删）。已发布的考试仍按发布时的答案判分，答案改了的题如需为考过的人重新评分，请在该考试的“考试情况”里点“更正答案并重新评分”` : ''}。${r.invalid > 0 ? `有误的 ${r.invalid} 行不会导入。` : ''}${r.duplicate > 0 ? `无变化或重复的 ${r.duplicate} 行会跳过。` : ''}`
        }
      />

      <TemplateHelp />
    </>
  );
}

export default function QuestionImportPage() {
  return (
    <PageShell>
      <AdminGate>{() => <Importer />}</AdminGate>
    </PageShell>
  );
}
