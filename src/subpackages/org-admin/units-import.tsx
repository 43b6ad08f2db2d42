// 导入组织架构: a province-level organisation sets up hundreds of units from one spreadsheet, with
// the same steps as the roster import — pick where the units go, upload, read the row-by-row
// preview, confirm. Two layouts are read: a 上级组织 column, or one column per level (一级, 二级…).
// The cloud function reads and checks the file; this page only shows it.
import { useMemo, useState } from 'react';
import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ImportRowReport, ManagedUnit, UnitImportReport } from '@core/contracts';
import { ROSTER_MAX_BYTES } from '@core/domain/org/roster';
import { UNIT_IMPORT_MAX_WRITES } from '@core/domain/org/unitSheet';
import { KIND_WORDS_HINT } from '@core/domain/org/units';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { ImportDoneCard, ImportFileStep, ImportPreviewCard, ImportRowTable, ImportTotals, type ImportReportView } from '@/components/ImportFlow';
import { useImportFlow, useMutation, type ImportFileRule } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import AdminGate from '@/components/AdminGate';
import ManagedUnits from './components/ManagedUnits';
import UnitPicker from './components/UnitPicker';
import './units-import.scss';

const STATUS_WORD: Record<ImportRowReport['status'], string> = {
  ready: '✓ 可导入',
  created: '✓ 已导入',
  exists: '= 已存在',
  duplicate: '? 可能重复',
  invalid: '! 有问题',
};

const UNITS_FILE: ImportFileRule = { what: '组织架构表', maxBytes: ROSTER_MAX_BYTES, tooBigAdvice: '请分成几个文件导入' };

const VIEW: ImportReportView<UnitImportReport> = {
  totals: (report) => <ImportTotals id='units-import-totals' report={report} skipped={{ key: 'exists', label: '已存在', value: report.exists }} invalidLabel='有问题' />,
  table: (report) => (
    <ImportRowTable
      rows={report.rows}
      ids={{ table: 'units-import-rows', all: 'units-rows-all', problems: 'units-rows-invalid' }}
      rowIdPrefix='units-import-row-'
      isProblem={(r) => r.status === 'invalid'}
      problemsLabel='有问题'
      columns={[
        { head: '组织', cell: (r) => r.name || '（空）' },
        { head: '上级', cell: (r) => r.unitName ?? '—' },
      ]}
      statusWord={STATUS_WORD}
    />
  ),
};

function FormatHelp() {
  return (
    <Card title='表格格式（两种任选）' id='units-import-template'>
      <Text className='units-help__lead'>① 每行一个组织，写明它的上级：表头为“组织名称、上级组织、类型、排序”（类型、排序可不填）。</Text>
      <Text className='units-help__sample'>{'组织名称 | 上级组织 | 类型\n某县委老干部局 | （不填：导入到上面选择的组织之下） | 工作部门\n机关党委 | 某县委老干部局 | 党委\n第一党支部 | 机关党委 | 党支部'}</Text>
      <Text className='units-help__lead'>② 逐级填写：表头为“一级、二级、三级……”，每行写出从上到下的一条路径；合并单元格或空着的格表示与上一行相同。</Text>
      <Text className='units-help__sample'>{'一级 | 二级 | 三级\n某县委老干部局 | 机关党委 | 第一党支部\n（同上） | （同上） | 第二党支部'}</Text>
      <Text className='units-help__lead muted'>
        类型填{KIND_WORDS_HINT}；不填时按名称判断（“……支部”为党支部）。可以先放一张“填写说明”工作表，系统会找到有表头的那一张。一次最多新建 {UNIT_IMPORT_MAX_WRITES}{' '}
        个组织；已有的同名组织不会重复建立，同一个文件可以放心再导入一次。
      </Text>
    </Card>
  );
}

function Importer({ units, initialParentId }: { units: ManagedUnit[]; initialParentId: string | null }) {
  const targets = useMemo(() => units.filter((u) => u.status === 'active'), [units]);
  const [parentId, setParentId] = useState<string | null>(
    targets.some((u) => u.id === initialParentId) ? initialParentId : (targets[0]?.id ?? null),
  );
  const importUnits = useMutation('org', 'importUnits');
  const flow = useImportFlow({ context: 'org', mutation: importUnits, request: (req) => ({ ...req, parentId }), file: UNITS_FILE });

  if (flow.final) {
    return (
      <ImportDoneCard
        flow={flow}
        view={VIEW}
        id='units-import-done'
        title={(r) => `已新建 ${r.created} 个组织`}
        notes={(r) => [r.exists > 0 && `${r.exists} 个组织已经存在，未重复建立`, r.invalid > 0 && `${r.invalid} 行有问题，未导入`]}
        next={{ text: '查看组织架构', onClick: () => goPage(PAGE.adminUnits) }}
      />
    );
  }
  return (
    <>
      <Card title='第一步：选择位置和文件'>
        <UnitPicker
          id='units-import-parent'
          label='导入到哪个组织之下'
          units={targets}
          value={parentId}
          onChange={(id) => {
            setParentId(id);
            flow.dropPreview();
          }}
        />
        <ImportFileStep
          flow={flow}
          ids={{ input: 'units-import-file-input', choose: 'units-import-choose', picked: 'units-import-picked', error: 'units-import-error', preview: 'units-import-preview' }}
          label='选择组织架构表'
          hint='先把表格发到微信（例如发给“文件传输助手”），再从聊天记录中选择。支持 .xlsx 和 .csv。'
        />
      </Card>
      <ImportPreviewCard
        flow={flow}
        view={VIEW}
        ids={{ card: 'units-import-preview-result', commit: 'units-import-commit' }}
        nothing='没有可以导入的组织'
        summary={(r) => `${r.sheetName ? `读取的是“${r.sheetName}”工作表。` : ''}将新建 ${r.ready} 个组织。${r.invalid > 0 ? `有问题的 ${r.invalid} 行不会导入。` : ''}`}
      />
      <FormatHelp />
    </>
  );
}

export default function UnitsImportPage() {
  const initialParentId = useRouter().params.parentId ?? null;
  return (
    <PageShell>
      <AdminGate>{() => <ManagedUnits>{(units) => <Importer units={units} initialParentId={initialParentId} />}</ManagedUnits>}</AdminGate>
    </PageShell>
  );
}
