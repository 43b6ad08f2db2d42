// 导入名单: pick a branch and a roster file (.xlsx/.csv), upload it, preview what would happen
// row by row, then confirm. The cloud function reads and checks the file; this page only shows it,
// and lets the organiser tick possible duplicates (同名) that are in fact other people.
import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ImportReport, ImportRowReport, ManagedUnit } from '@core/contracts';
import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS, ROSTER_TEMPLATE_HEADER } from '@core/domain/org/roster';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { ImportColumnHelp, ImportDoneCard, ImportFileStep, ImportPreviewCard, ImportRowTable, ImportTotals, type ImportReportView } from '@/components/ImportFlow';
import { useImportFlow, useMutation, type ImportFileRule } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import AdminGate from '@/components/AdminGate';
import ManagedUnits from './components/ManagedUnits';
import UnitPicker from './components/UnitPicker';
import './import.scss';
import { isPickableUnit } from '@core/domain/org/units';

type Column = (typeof ROSTER_TEMPLATE_HEADER)[number];

/** What goes in each template column, in the organiser's words. */
const COLUMN_HELP: Record<Column, string> = {
  姓名: '必填，党员的真实姓名',
  所在支部: '支部全称，与系统中的名称一致；不填时导入到上面选择的支部',
  手机号: '选填，11位手机号，同名时用来区分',
  党员类别: '填“正式党员”或“预备党员”，不填按正式党员',
  角色: '可不填。导入的都是普通党员；管理员须在其绑定微信后，由上级在名单中任命',
};

const STATUS_WORD: Record<ImportRowReport['status'], string> = {
  ready: '✓ 可导入',
  created: '✓ 已导入',
  exists: '= 已存在',
  duplicate: '? 可能重复',
  invalid: '! 有问题',
};

const ROSTER_FILE: ImportFileRule = { what: '名单文件', maxBytes: ROSTER_MAX_BYTES, tooBigAdvice: '请分批导入' };

/** The possible duplicates the organiser ticked as other people (row numbers), while previewing. */
interface DuplicatePick {
  allowed: number[];
  toggle: (row: number) => void;
}

/** The report's totals and table; with `pick`, each possible duplicate gets its 仍然导入 switch. */
function reportView(pick: DuplicatePick | null): ImportReportView<ImportReport> {
  return {
    totals: (report) => (
      <ImportTotals id='import-totals' report={report} skipped={{ key: 'exists', label: '已存在', value: report.exists }} invalidLabel='有问题' />
    ),
    table: (report) => (
      <ImportRowTable
        rows={report.rows}
        ids={{ table: 'import-rows', all: 'rows-all', problems: 'rows-invalid' }}
        rowIdPrefix='import-row-'
        isProblem={(r) => r.status === 'invalid' || r.status === 'duplicate'}
        problemsLabel='有问题'
        columns={[
          { head: '姓名', cell: (r) => r.name || '（空）' },
          { head: '支部', cell: (r) => r.unitName ?? '—' },
        ]}
        statusWord={STATUS_WORD}
        className='import-table--roster'
        rowExtra={(r) => (pick && r.status === 'duplicate' ? <AllowDuplicate row={r.row} pick={pick} /> : null)}
      />
    ),
  };
}

/** One tap: "this is someone else, import them too". Marked with ✓ and bold, not colour alone. */
function AllowDuplicate({ row, pick }: { row: number; pick: DuplicatePick }) {
  const on = pick.allowed.includes(row);
  return (
    <View className='import-table__reason'>
      <View className='seg'>
        <View id={`import-allow-${row}`} className={on ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => pick.toggle(row)}>
          {on ? '✓ 不是同一人，仍然导入' : '不是同一人？点此仍然导入'}
        </View>
      </View>
    </View>
  );
}

const FINAL_VIEW = reportView(null);

function TemplateHelp() {
  return (
    <Card title='名单格式' id='import-template'>
      <Text className='import-help__lead'>第一行是表头，从第二行起每行一人。表头依次为：</Text>
      <Text className='import-help__header'>{ROSTER_TEMPLATE_HEADER.join('，')}</Text>
      <ImportColumnHelp columns={ROSTER_TEMPLATE_HEADER.map((col): [string, string] => [col, COLUMN_HELP[col]])} />
      <Text className='import-help__lead muted'>
        一次最多 {ROSTER_MAX_ROWS} 行。已在名单上的人不会重复导入；支部里已有同名的人会标为“可能重复”，由您确认。
      </Text>
    </Card>
  );
}

function Importer({ units, initialUnitId }: { units: ManagedUnit[]; initialUnitId: string | null }) {
  const branches = useMemo(() => units.filter(isPickableUnit), [units]);
  const [unitId, setUnitId] = useState<string | null>(
    branches.some((u) => u.id === initialUnitId) ? initialUnitId : (branches[0]?.id ?? null),
  );
  const [allowed, setAllowed] = useState<number[]>([]);
  const importRoster = useMutation('org', 'importRoster');
  const flow = useImportFlow({
    context: 'org',
    mutation: importRoster,
    // Only the commit carries the ticks: the preview shows every possible duplicate as it is.
    request: (req) => ({ ...req, unitId, ...(req.commit && allowed.length > 0 ? { allowDuplicates: allowed } : {}) }),
    file: ROSTER_FILE,
  });
  // Ticks belong to one preview: a new file or another branch starts with none.
  useEffect(() => setAllowed([]), [flow.preview]);
  const previewView = useMemo(
    () => reportView({ allowed, toggle: (row) => setAllowed((a) => (a.includes(row) ? a.filter((x) => x !== row) : [...a, row])) }),
    [allowed],
  );

  const changeUnit = (id: string) => {
    setUnitId(id);
    flow.dropPreview(); // the preview was for the previous branch
  };

  if (flow.final) {
    return (
      <ImportDoneCard
        flow={flow}
        view={FINAL_VIEW}
        id='import-done'
        title={(r) => `已导入 ${r.created} 人`}
        notes={(r) => [
          r.exists > 0 && `${r.exists} 人已在名单上，未重复导入`,
          r.duplicate > 0 && `${r.duplicate} 人可能与名单上的同名党员重复，未导入`,
          r.invalid > 0 && `${r.invalid} 行有问题，未导入`,
        ]}
        next={{ text: '查看名单', onClick: () => goPage(`${PAGE.adminRoster}${unitId ? `?unitId=${unitId}` : ''}`) }}
      />
    );
  }

  return (
    <>
      <Card title='第一步：选择支部和文件'>
        {branches.length > 0 ? (
          <UnitPicker id='import-unit' label='导入到哪个支部' units={branches} value={unitId} onChange={changeUnit} />
        ) : null}
        <Text className='import-help__lead muted'>表格里没有填写“所在支部”的行，会导入到这里选择的支部。</Text>

        <ImportFileStep
          flow={flow}
          ids={{ input: 'import-file-input', choose: 'import-choose', picked: 'import-picked', error: 'import-error', preview: 'import-preview' }}
          label='选择名单文件'
          hint='先把名单文件发到微信（例如发给“文件传输助手”），再从聊天记录中选择。'
        />
      </Card>

      <ImportPreviewCard
        flow={flow}
        view={previewView}
        ids={{ card: 'import-preview-result', commit: 'import-commit' }}
        nothing='没有可以导入的行'
        canCommit={(r) => r.ready + allowed.length > 0}
        summary={(r) =>
          `将导入 ${r.ready + allowed.length} 人。` +
          (r.duplicate > allowed.length ? `可能重复的 ${r.duplicate - allowed.length} 人不会导入，确认不是同一人的请点“仍然导入”。` : '') +
          (r.invalid > 0 ? `有问题的 ${r.invalid} 行不会导入。` : '')
        }
      />

      <TemplateHelp />
    </>
  );
}

export default function ImportPage() {
  const router = useRouter();
  const initialUnitId = router.params.unitId ?? null;
  return (
    <PageShell>
      <AdminGate>
        {() => <ManagedUnits>{(units) => <Importer units={units} initialUnitId={initialUnitId} />}</ManagedUnits>}
      </AdminGate>
    </PageShell>
  );
}
