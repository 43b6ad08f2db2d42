// The screens of an organiser's file import (导入名单, 导入题目), driven by useImportFlow(): the
// file step (pick, check, upload and preview), the preview and done cards, the totals and the
// row-by-row table with its 只看有问题的行 filter. Each page brings its own words, element ids,
// columns and format help.
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import FormError from '@/components/FormError';
import { IMPORT_EXTENSIONS, type ImportFlow, type PickedFile } from '@/hooks';
import { IMPORT_ROWS_SHOWN } from '@core/contracts/examImport';
import './index.scss';

/**
 * Rendering thousands of rows makes an old phone stutter; the totals always cover all rows. The
 * question import sends each row's question only for the rows this shows.
 */
const MAX_SHOWN_ROWS = IMPORT_ROWS_SHOWN;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface FilePickerProps {
  inputId: string;
  chooseId: string;
  label: string;
  hint: string;
  onFile: (file: PickedFile) => void;
}

/** H5: a real file input dressed as a button. Mini-program: a file from a WeChat chat. */
function FilePicker({ inputId, chooseId, label, hint, onFile }: FilePickerProps) {
  if (process.env.TARO_ENV === 'h5') {
    const onChange = (e: ChangeEvent<HTMLInputElement>) => {
      const f = e.target.files?.[0];
      e.target.value = ''; // picking the same file again should fire again
      if (f) onFile({ name: f.name, size: f.size, source: f });
    };
    return (
      <label className='import-file'>
        <span className='import-file__text'>{label}</span>
        <input
          id={inputId}
          className='import-file__input'
          type='file'
          accept={IMPORT_EXTENSIONS.map((ext) => `.${ext}`).join(',')}
          onChange={onChange}
        />
      </label>
    );
  }

  const choose = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: IMPORT_EXTENSIONS });
      const f = res.tempFiles[0];
      if (f) onFile({ name: f.name, size: f.size, source: f.path });
    } catch {
      // The organiser closed the chooser: nothing to do.
    }
  };
  return (
    <View>
      <Button id={chooseId} block fill='outline' type='primary' onClick={() => void choose()}>
        从微信聊天中选择文件
      </Button>
      <Text className='import-file__hint muted'>{hint}</Text>
    </View>
  );
}

export interface ImportFileStepProps<R> {
  flow: ImportFlow<R>;
  ids: { input: string; choose: string; picked: string; error: string; preview: string };
  /** The H5 picker's text, e.g. 选择名单文件. */
  label: string;
  /** Under the mini-program's button: how the file gets into a WeChat chat. */
  hint: string;
}

/** Choose a file, see it and any problem, then 上传并检查 (until there is a preview). */
export function ImportFileStep<R>({ flow, ids, label, hint }: ImportFileStepProps<R>) {
  return (
    <>
      <FilePicker inputId={ids.input} chooseId={ids.choose} label={label} hint={hint} onFile={flow.pick} />
      {flow.file ? (
        <View className='import-picked' id={ids.picked}>
          <Text className='import-picked__name'>已选择：{flow.file.name}</Text>
          <Text className='muted'>{sizeText(flow.file.size)}</Text>
        </View>
      ) : null}

      <FormError className='btn-gap' id={ids.error} message={flow.problem} />

      {!flow.preview ? (
        <Button
          id={ids.preview}
          block
          className='btn-gap'
          type='primary'
          size='large'
          disabled={!flow.file || flow.busy}
          loading={flow.busy}
          onClick={() => void flow.runPreview()}
        >
          {flow.uploading ? '正在上传…' : flow.running ? '正在检查…' : '上传并检查'}
        </Button>
      ) : null}
    </>
  );
}

/** What the cards and totals read from a report; each action's report has more. */
export interface ImportReportBase {
  committed: boolean;
  fileName: string;
  ready: number;
  created: number;
  invalid: number;
  blankRows: number;
}

/** How a page shows a report: its totals and its row-by-row table. */
export interface ImportReportView<R> {
  totals: (report: R) => ReactNode;
  table: (report: R) => ReactNode;
}

export interface ImportPreviewCardProps<R extends ImportReportBase> {
  flow: ImportFlow<R>;
  view: ImportReportView<R>;
  ids: { card: string; commit: string };
  /** The notice when no row can be imported, e.g. 没有可以导入的行. */
  nothing: string;
  /** What 确认导入 would do, when some rows can be imported. */
  summary: (report: R) => string;
  /** Whether 确认导入 would write anything; by default, whether any row is ready. */
  canCommit?: (report: R) => boolean;
}

/** 第二步: the preview report, then 确认导入 or 重新选择文件. Nothing when there is no preview. */
export function ImportPreviewCard<R extends ImportReportBase>({ flow, view, ids, nothing, summary, canCommit }: ImportPreviewCardProps<R>) {
  const report = flow.preview;
  if (!report) return null;
  const some = canCommit ? canCommit(report) : report.ready > 0;
  return (
    <Card title='第二步：核对后确认导入' id={ids.card}>
      {view.totals(report)}
      {!some ? (
        <View className='notice notice--bad'>
          <Text className='notice__title'>! {nothing}</Text>
          <Text className='notice__text'>请按下面的原因修改表格后，重新选择文件。</Text>
        </View>
      ) : (
        <Text className='import-help__lead'>{summary(report)}</Text>
      )}
      {view.table(report)}
      <Button
        id={ids.commit}
        block
        className='btn-gap'
        type='primary'
        size='large'
        disabled={!some || flow.busy}
        loading={flow.running}
        onClick={() => void flow.commit()}
      >
        确认导入
      </Button>
      <Button block className='btn-gap' fill='outline' disabled={flow.busy} onClick={flow.startOver}>
        重新选择文件
      </Button>
    </Card>
  );
}

export interface ImportDoneCardProps<R extends ImportReportBase> {
  flow: ImportFlow<R>;
  view: ImportReportView<R>;
  id: string;
  /** The result in a few words, e.g. 已导入 3 人. */
  title: (report: R) => string;
  /** What was not imported and why; false for what did not happen. */
  notes: (report: R) => Array<string | false>;
  /** Where to go next, e.g. 查看名单. */
  next: { id?: string; text: string; onClick: () => void };
}

/** 导入完成: the final report, the way on, and 再导入一个文件. Nothing before the commit. */
export function ImportDoneCard<R extends ImportReportBase>({ flow, view, id, title, notes, next }: ImportDoneCardProps<R>) {
  const report = flow.final;
  if (!report) return null;
  return (
    <Card title='导入完成' id={id}>
      <View className='notice notice--ok'>
        <Text className='notice__title'>✓ {title(report)}</Text>
        <Text className='notice__text'>
          文件：{report.fileName}
          {notes(report)
            .filter((note) => note !== false)
            .map((note) => `；${note}`)
            .join('')}
        </Text>
      </View>
      {view.totals(report)}
      {view.table(report)}
      <Button id={next.id} block className='btn-gap' type='primary' size='large' onClick={next.onClick}>
        {next.text}
      </Button>
      <Button block className='btn-gap' fill='outline' onClick={flow.startOver}>
        再导入一个文件
      </Button>
    </Card>
  );
}

export interface ImportTotal {
  key: string;
  label: string;
  value: number;
  /** Green for the good rows, amber for the problem rows; neutral when unset. */
  tone?: 'ok' | 'warn';
}

export interface ImportTotalsProps {
  id: string;
  report: ImportReportBase;
  /** The rows skipped as already there: 已存在 (roster) or 重复 (questions). */
  skipped: ImportTotal;
  /** The word for rows with a problem: 有问题 or 有误. */
  invalidLabel: string;
}

/** The report's counts: 可导入 (已导入 once committed), the skipped, the invalid and the blank rows. */
export function ImportTotals({ id, report, skipped, invalidLabel }: ImportTotalsProps) {
  const items: ImportTotal[] = [
    report.committed
      ? { key: 'created', label: '已导入', value: report.created, tone: 'ok' }
      : { key: 'ready', label: '可导入', value: report.ready, tone: 'ok' },
    skipped,
    { key: 'invalid', label: invalidLabel, value: report.invalid, tone: 'warn' },
    { key: 'blank', label: '空行', value: report.blankRows },
  ];
  return (
    <View className='import-totals' id={id}>
      {items.map((it) => (
        <View key={it.key} className={it.tone ? `import-totals__item import-totals__item--${it.tone}` : 'import-totals__item'}>
          <Text className='import-totals__value'>{it.value}</Text>
          <Text className='import-totals__label'>{it.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** What the table reads from a report row. */
export interface ImportRow<S extends string = string> {
  row: number;
  status: S;
  reason: string | null;
}

export interface ImportColumn<Row> {
  head: string;
  cell: (row: Row) => string;
}

export interface ImportRowTableProps<S extends string, Row extends ImportRow<S>> {
  rows: Row[];
  ids: { table: string; all: string; problems: string };
  /** Gives each row an id (`${rowIdPrefix}${row}`) when set. */
  rowIdPrefix?: string;
  isProblem: (row: Row) => boolean;
  /** The filter's words, e.g. 有问题 or 只看有问题的. */
  problemsLabel: string;
  /** The two columns between 行号 and 状态. */
  columns: [ImportColumn<Row>, ImportColumn<Row>];
  statusWord: Record<S, string>;
  /** A modifier for the page's column widths, e.g. import-table--roster. */
  className?: string;
  /** An extra class on each report row (not the head). */
  rowClassName?: string;
  /** Something to act on under a row's reason (e.g. 仍然导入 for a possible duplicate), or null. */
  rowExtra?: (row: Row) => ReactNode;
}

export function ImportRowTable<S extends string, Row extends ImportRow<S>>({
  rows,
  ids,
  rowIdPrefix,
  isProblem,
  problemsLabel,
  columns,
  statusWord,
  className,
  rowClassName,
  rowExtra,
}: ImportRowTableProps<S, Row>) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const problems = rows.filter(isProblem).length;
  const filtered = onlyProblems ? rows.filter(isProblem) : rows;
  const shown = filtered.slice(0, MAX_SHOWN_ROWS);
  const [main, side] = columns;
  return (
    <View>
      <View className='seg'>
        <View id={ids.all} className={onlyProblems ? 'seg__item' : 'seg__item seg__item--on'} onClick={() => setOnlyProblems(false)}>
          {onlyProblems ? '' : '✓ '}全部 {rows.length}
        </View>
        <View id={ids.problems} className={onlyProblems ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setOnlyProblems(true)}>
          {onlyProblems ? '✓ ' : ''}
          {problemsLabel} {problems}
        </View>
      </View>
      <View className={['import-table', className ?? ''].filter(Boolean).join(' ')} id={ids.table}>
        <View className='import-table__row import-table__row--head'>
          <Text className='import-table__no'>行号</Text>
          <Text className='import-table__main'>{main.head}</Text>
          <Text className='import-table__side'>{side.head}</Text>
          <Text className='import-table__status'>状态</Text>
        </View>
        {shown.length === 0 ? <Text className='import-table__none muted'>没有需要处理的行</Text> : null}
        {shown.map((r) => (
          <View
            key={r.row}
            className={['import-table__row', `import-table__row--${r.status}`, rowClassName ?? ''].filter(Boolean).join(' ')}
            id={rowIdPrefix ? `${rowIdPrefix}${r.row}` : undefined}
          >
            <Text className='import-table__no'>第{r.row}行</Text>
            <Text className='import-table__main'>{main.cell(r)}</Text>
            <Text className='import-table__side'>{side.cell(r)}</Text>
            <Text className='import-table__status'>{statusWord[r.status]}</Text>
            {r.reason ? <Text className='import-table__reason'>{isProblem(r) ? '原因' : '说明'}：{r.reason}</Text> : null}
            {rowExtra ? rowExtra(r) : null}
          </View>
        ))}
      </View>
      {filtered.length > shown.length ? (
        <Text className='import-table__more muted'>
          共 {filtered.length} 行，这里只显示前 {MAX_SHOWN_ROWS} 行
        </Text>
      ) : null}
    </View>
  );
}

/** The format help's list of template columns, each with what goes in it. */
export function ImportColumnHelp({ columns }: { columns: Array<[string, string]> }) {
  return (
    <>
      {columns.map(([col, desc]) => (
        <View key={col} className='import-help__col'>
          <Text className='import-help__name'>{col}</Text>
          <Text className='import-help__desc'>{desc}</Text>
        </View>
      ))}
    </>
  );
}
