// 导入题目: download the template, pick a question file (.xlsx/.csv), upload it, preview what
// would happen row by row (可导入 / 重复 / 有误 with the reason), then confirm. The cloud function
// reads and checks the file; this page only shows its report.
import { useState, type ChangeEvent } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { QuestionImportReport, QuestionImportRow } from '@core/contracts';
import { QUESTION_TYPE_LABELS } from '@core/domain/questions';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { Button } from '@/components/nut';
import { openFile, toApiError, uploadFile } from '@/api';
import { useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import FormError from './components/FormError';
import './components/ui.scss';
import './import.scss';

/** The function reads at most 2000 questions a file; a file that size is far below this. */
const MAX_BYTES = 5 * 1024 * 1024;
/** Rendering thousands of rows makes an old phone stutter; the totals always cover all rows. */
const MAX_SHOWN_ROWS = 200;

const STATUS_WORD: Record<QuestionImportRow['status'], string> = {
  ready: '✓ 可导入',
  created: '✓ 已导入',
  duplicate: '= 重复',
  invalid: '! 有误',
};

const COLUMN_HELP: Array<[string, string]> = [
  ['题型', '单选、多选、判断、填空；不填时按选项和答案自动判断'],
  ['题干', '必填'],
  ['选项A～选项H', '选择题从 A 起连续填写，最多 8 个；判断题和填空题不填'],
  ['答案', '单选写 B；多选写 ABD、A,B,D 或 A、B、D；判断写 对/错、√/×、正确/错误 或 T/F；填空的多个空用“；”隔开，一个空有几种说法用“/”隔开'],
  ['解析', '选填，交卷后给党员看'],
  ['标签', '党史、新中国史、改革开放史、社会主义发展史、党章党规，也可加自己的标签，用逗号或顿号隔开'],
  ['难度', '易、中、难（或 1、2、3），不填为“中”'],
];

interface PickedFile {
  name: string;
  size: number;
  source: string | Blob;
}

function checkPicked(name: string, size: number): string | null {
  if (!/\.(xlsx|csv)$/i.test(name)) return '请选择 .xlsx 或 .csv 格式的题目文件';
  if (size > MAX_BYTES) return `文件超过 ${MAX_BYTES / 1024 / 1024}MB，请分成几个文件导入`;
  return null;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const isProblem = (r: QuestionImportRow) => r.status === 'invalid' || r.status === 'duplicate';

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
      <Text className='qimport-help__lead'>第一行是表头，从第二行起每行一道题。“题干”和“答案”两列必须有。</Text>
      <Button id='qimport-template' block fill='outline' type='primary' loading={template.running} onClick={() => void download()}>
        下载模板（含示例）
      </Button>
      <FormError message={problem ?? template.error?.message} className='btn-gap' />
      <View className='btn-gap'>
        {COLUMN_HELP.map(([col, desc]) => (
          <View key={col} className='qimport-help__col'>
            <Text className='qimport-help__name'>{col}</Text>
            <Text className='qimport-help__desc'>{desc}</Text>
          </View>
        ))}
      </View>
      <Text className='qimport-help__lead muted'>一次最多 2000 道题。题库里已有的相同题目会被跳过，不会重复导入。</Text>
    </Card>
  );
}

function Totals({ report }: { report: QuestionImportReport }) {
  const items = [
    report.committed ? { key: 'created', label: '已导入', value: report.created } : { key: 'ready', label: '可导入', value: report.ready },
    { key: 'duplicate', label: '重复', value: report.duplicate },
    { key: 'invalid', label: '有误', value: report.invalid },
    { key: 'blank', label: '空行', value: report.blankRows },
  ];
  return (
    <View className='qimport-totals' id='qimport-totals'>
      {items.map((it) => (
        <View key={it.key} className={`qimport-totals__item qimport-totals__item--${it.key}`}>
          <Text className='qimport-totals__value'>{it.value}</Text>
          <Text className='qimport-totals__label'>{it.label}</Text>
        </View>
      ))}
    </View>
  );
}

function RowTable({ rows }: { rows: QuestionImportRow[] }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const problems = rows.filter(isProblem).length;
  const filtered = onlyProblems ? rows.filter(isProblem) : rows;
  const shown = filtered.slice(0, MAX_SHOWN_ROWS);
  return (
    <View>
      <View className='seg'>
        <View id='qrows-all' className={onlyProblems ? 'seg__item' : 'seg__item seg__item--on'} onClick={() => setOnlyProblems(false)}>
          {onlyProblems ? '' : '✓ '}全部 {rows.length}
        </View>
        <View id='qrows-problems' className={onlyProblems ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setOnlyProblems(true)}>
          {onlyProblems ? '✓ ' : ''}只看有问题的 {problems}
        </View>
      </View>
      <View className='qimport-table' id='qimport-rows'>
        <View className='qimport-table__row qimport-table__row--head'>
          <Text className='qimport-table__no'>行号</Text>
          <Text className='qimport-table__name'>题干</Text>
          <Text className='qimport-table__unit'>题型</Text>
          <Text className='qimport-table__status'>状态</Text>
        </View>
        {shown.length === 0 ? <Text className='qimport-table__none muted'>没有需要处理的行</Text> : null}
        {shown.map((r) => (
          <View key={r.row} className={`qimport-table__row qimport-table__row--${r.status}`} id={`qimport-row-${r.row}`}>
            <Text className='qimport-table__no'>第{r.row}行</Text>
            <Text className='qimport-table__name'>{r.stem || '（空）'}</Text>
            <Text className='qimport-table__unit'>{r.type ? QUESTION_TYPE_LABELS[r.type] : '—'}</Text>
            <Text className='qimport-table__status'>{STATUS_WORD[r.status]}</Text>
            {r.reason ? <Text className='qimport-table__reason'>原因：{r.reason}</Text> : null}
          </View>
        ))}
      </View>
      {filtered.length > shown.length ? (
        <Text className='qimport-table__more muted'>
          共 {filtered.length} 行，这里只显示前 {MAX_SHOWN_ROWS} 行
        </Text>
      ) : null}
    </View>
  );
}

function FilePicker({ onPicked, onError }: { onPicked: (f: PickedFile) => void; onError: (m: string | null) => void }) {
  const accept = (name: string, size: number, source: string | Blob) => {
    const problem = checkPicked(name, size);
    onError(problem);
    if (!problem) onPicked({ name, size, source });
  };

  if (process.env.TARO_ENV === 'h5') {
    const onChange = (e: ChangeEvent<HTMLInputElement>) => {
      const f = e.target.files?.[0];
      e.target.value = ''; // picking the same file again should fire again
      if (f) accept(f.name, f.size, f);
    };
    return (
      <label className='qimport-file'>
        <span className='qimport-file__text'>选择题目文件</span>
        <input id='qimport-file-input' className='qimport-file__input' type='file' accept='.xlsx,.csv' onChange={onChange} />
      </label>
    );
  }

  const choose = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
      const f = res.tempFiles[0];
      if (f) accept(f.name, f.size, f.path);
    } catch {
      // The organiser closed the chooser: nothing to do.
    }
  };
  return (
    <View>
      <Button id='qimport-choose' block fill='outline' type='primary' onClick={() => void choose()}>
        从微信聊天中选择文件
      </Button>
      <Text className='qimport-file__hint muted'>先把题目文件发到微信（例如发给“文件传输助手”），再从聊天记录中选择。</Text>
    </View>
  );
}

function Importer() {
  const importQuestions = useMutation('exam', 'importQuestions');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileID, setFileID] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<QuestionImportReport | null>(null);
  const [final, setFinal] = useState<QuestionImportReport | null>(null);

  const startOver = () => {
    setFile(null);
    setFileID(null);
    setPreview(null);
    setFinal(null);
    setProblem(null);
    importQuestions.reset();
  };

  const pick = (f: PickedFile) => {
    setFile(f);
    setFileID(null);
    setPreview(null);
    setFinal(null);
    importQuestions.reset();
  };

  const runPreview = async () => {
    if (!file) return;
    setProblem(null);
    let id = fileID;
    if (!id) {
      setUploading(true);
      try {
        id = await uploadFile(file.source, file.name);
        setFileID(id);
      } catch (e) {
        setProblem(`上传没有成功：${toApiError(e).message}`);
        return;
      } finally {
        setUploading(false);
      }
    }
    const report = await importQuestions.run({ fileID: id, fileName: file.name, commit: false });
    if (report) setPreview(report);
  };

  const commit = async () => {
    if (!file || !fileID) return;
    const report = await importQuestions.run({ fileID, fileName: file.name, commit: true });
    if (report) {
      setFinal(report);
      setPreview(null);
    }
  };

  if (final) {
    return (
      <Card title='导入完成' id='qimport-done'>
        <View className='notice notice--ok'>
          <Text className='notice__title'>✓ 已导入 {final.created} 道题</Text>
          <Text className='notice__text'>
            文件：{final.fileName}
            {final.duplicate > 0 ? `；${final.duplicate} 道重复，已跳过` : ''}
            {final.invalid > 0 ? `；${final.invalid} 行有误，未导入` : ''}
          </Text>
        </View>
        <Totals report={final} />
        <RowTable rows={final.rows} />
        <Button id='qimport-to-bank' block className='btn-gap' type='primary' size='large' onClick={() => goPage(PAGE.examBank)}>
          查看题库
        </Button>
        <Button block className='btn-gap' fill='outline' onClick={startOver}>
          再导入一个文件
        </Button>
      </Card>
    );
  }

  const busy = uploading || importQuestions.running;
  const shownProblem = problem ?? importQuestions.error?.message ?? null;

  return (
    <>
      <Card title='第一步：选择文件'>
        <FilePicker onPicked={pick} onError={setProblem} />
        {file ? (
          <View className='qimport-picked' id='qimport-picked'>
            <Text className='qimport-picked__name'>已选择：{file.name}</Text>
            <Text className='muted'>{sizeText(file.size)}</Text>
          </View>
        ) : null}

        <FormError id='qimport-error' message={shownProblem} className='btn-gap' />

        {!preview ? (
          <Button
            id='qimport-preview'
            block
            className='btn-gap'
            type='primary'
            size='large'
            disabled={!file || busy}
            loading={busy}
            onClick={() => void runPreview()}
          >
            {uploading ? '正在上传…' : importQuestions.running ? '正在检查…' : '上传并检查'}
          </Button>
        ) : null}
      </Card>

      {preview ? (
        <Card title='第二步：核对后确认导入' id='qimport-preview-result'>
          <Totals report={preview} />
          {preview.ready === 0 ? (
            <View className='notice notice--bad'>
              <Text className='notice__title'>! 没有可以导入的题目</Text>
              <Text className='notice__text'>请按下面的原因修改表格后，重新选择文件。</Text>
            </View>
          ) : (
            <Text className='qimport-help__lead'>
              将导入 {preview.ready} 道题。
              {preview.invalid > 0 ? `有误的 ${preview.invalid} 行不会导入。` : ''}
              {preview.duplicate > 0 ? `重复的 ${preview.duplicate} 道会跳过。` : ''}
            </Text>
          )}
          <RowTable rows={preview.rows} />
          <Button
            id='qimport-commit'
            block
            className='btn-gap'
            type='primary'
            size='large'
            disabled={preview.ready === 0 || busy}
            loading={importQuestions.running}
            onClick={() => void commit()}
          >
            确认导入
          </Button>
          <Button block className='btn-gap' fill='outline' disabled={busy} onClick={startOver}>
            重新选择文件
          </Button>
        </Card>
      ) : null}

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
