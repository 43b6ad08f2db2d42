// 导入名单: pick a branch and a roster file (.xlsx/.csv), upload it, preview what would happen
// row by row, then confirm. The cloud function reads and checks the file; this page only shows it.
import { useMemo, useState, type ChangeEvent } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ImportReport, ImportRowReport, ManagedUnit } from '@core/contracts';
import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS, ROSTER_TEMPLATE_HEADER } from '@core/domain/roster';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { toApiError, uploadFile } from '@/api';
import { useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import AdminGate from '@/components/AdminGate';
import ManagedUnits from './components/ManagedUnits';
import UnitPicker from './components/UnitPicker';
import './import.scss';

type Column = (typeof ROSTER_TEMPLATE_HEADER)[number];

/** What goes in each template column, in the organiser's words. */
const COLUMN_HELP: Record<Column, string> = {
  姓名: '必填，党员的真实姓名',
  所在支部: '支部全称，与系统中的名称一致；不填时导入到上面选择的支部',
  手机号: '选填，11位手机号，同名时用来区分',
  党员类别: '填“正式党员”或“预备党员”，不填按正式党员',
  角色: '填“党员”或“支部管理员”，不填按党员；只有单位管理员可以设置支部管理员',
};

const STATUS_WORD: Record<ImportRowReport['status'], string> = {
  ready: '✓ 可导入',
  created: '✓ 已导入',
  exists: '= 已存在',
  invalid: '! 有问题',
};

/** Rendering thousands of rows makes an old phone stutter; the totals always cover all rows. */
const MAX_SHOWN_ROWS = 200;

interface PickedFile {
  name: string;
  size: number;
  source: string | Blob;
}

function checkPicked(name: string, size: number): string | null {
  if (!/\.(xlsx|csv)$/i.test(name)) return '请选择 .xlsx 或 .csv 格式的名单文件';
  if (size > ROSTER_MAX_BYTES) return `文件超过 ${Math.round(ROSTER_MAX_BYTES / 1024 / 1024)}MB，请分批导入`;
  return null;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function TemplateHelp() {
  return (
    <Card title='名单格式' id='import-template'>
      <Text className='import-help__lead'>第一行是表头，从第二行起每行一人。表头依次为：</Text>
      <Text className='import-help__header'>{ROSTER_TEMPLATE_HEADER.join('，')}</Text>
      {ROSTER_TEMPLATE_HEADER.map((col) => (
        <View key={col} className='import-help__col'>
          <Text className='import-help__name'>{col}</Text>
          <Text className='import-help__desc'>{COLUMN_HELP[col]}</Text>
        </View>
      ))}
      <Text className='import-help__lead muted'>一次最多 {ROSTER_MAX_ROWS} 行。已在名单上的人不会重复导入。</Text>
    </Card>
  );
}

function Totals({ report }: { report: ImportReport }) {
  const items = report.committed
    ? [
        { key: 'created', label: '已导入', value: report.created },
        { key: 'exists', label: '已存在', value: report.exists },
        { key: 'invalid', label: '有问题', value: report.invalid },
        { key: 'blank', label: '空行', value: report.blankRows },
      ]
    : [
        { key: 'ready', label: '可导入', value: report.ready },
        { key: 'exists', label: '已存在', value: report.exists },
        { key: 'invalid', label: '有问题', value: report.invalid },
        { key: 'blank', label: '空行', value: report.blankRows },
      ];
  return (
    <View className='import-totals' id='import-totals'>
      {items.map((it) => (
        <View key={it.key} className={`import-totals__item import-totals__item--${it.key}`}>
          <Text className='import-totals__value'>{it.value}</Text>
          <Text className='import-totals__label'>{it.label}</Text>
        </View>
      ))}
    </View>
  );
}

function RowTable({ rows }: { rows: ImportRowReport[] }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const problems = rows.filter((r) => r.status === 'invalid').length;
  const shown = (onlyProblems ? rows.filter((r) => r.status === 'invalid') : rows).slice(0, MAX_SHOWN_ROWS);
  const total = onlyProblems ? problems : rows.length;
  return (
    <View>
      <View className='seg'>
        <View id='rows-all' className={onlyProblems ? 'seg__item' : 'seg__item seg__item--on'} onClick={() => setOnlyProblems(false)}>
          {onlyProblems ? '' : '✓ '}全部 {rows.length}
        </View>
        <View id='rows-invalid' className={onlyProblems ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setOnlyProblems(true)}>
          {onlyProblems ? '✓ ' : ''}有问题 {problems}
        </View>
      </View>
      <View className='import-table' id='import-rows'>
        <View className='import-table__row import-table__row--head'>
          <Text className='import-table__no'>行号</Text>
          <Text className='import-table__name'>姓名</Text>
          <Text className='import-table__unit'>支部</Text>
          <Text className='import-table__status'>状态</Text>
        </View>
        {shown.length === 0 ? <Text className='import-table__none muted'>没有需要处理的行</Text> : null}
        {shown.map((r) => (
          <View key={r.row} className={`import-table__row import-table__row--${r.status}`}>
            <Text className='import-table__no'>第{r.row}行</Text>
            <Text className='import-table__name'>{r.name || '（空）'}</Text>
            <Text className='import-table__unit'>{r.unitName ?? '—'}</Text>
            <Text className='import-table__status'>{STATUS_WORD[r.status]}</Text>
            {r.reason ? <Text className='import-table__reason'>原因：{r.reason}</Text> : null}
          </View>
        ))}
      </View>
      {total > shown.length ? (
        <Text className='import-table__more muted'>
          共 {total} 行，这里只显示前 {MAX_SHOWN_ROWS} 行
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
      <label className='import-file'>
        <span className='import-file__text'>选择名单文件</span>
        <input id='import-file-input' className='import-file__input' type='file' accept='.xlsx,.csv' onChange={onChange} />
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
      <Button id='import-choose' block fill='outline' type='primary' onClick={() => void choose()}>
        从微信聊天中选择文件
      </Button>
      <Text className='import-file__hint muted'>先把名单文件发到微信（例如发给“文件传输助手”），再从聊天记录中选择。</Text>
    </View>
  );
}

function Importer({ units, initialUnitId }: { units: ManagedUnit[]; initialUnitId: string | null }) {
  const branches = useMemo(() => units.filter((u) => u.kind === 'branch'), [units]);
  const [unitId, setUnitId] = useState<string | null>(
    branches.some((u) => u.id === initialUnitId) ? initialUnitId : (branches[0]?.id ?? null),
  );
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileID, setFileID] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [final, setFinal] = useState<ImportReport | null>(null);
  const importRoster = useMutation('org', 'importRoster');

  const startOver = () => {
    setFile(null);
    setFileID(null);
    setPreview(null);
    setFinal(null);
    setProblem(null);
    importRoster.reset();
  };

  const changeUnit = (id: string) => {
    setUnitId(id);
    setPreview(null); // the preview was for the previous branch
  };

  const pick = (f: PickedFile) => {
    setFile(f);
    setFileID(null);
    setPreview(null);
    setFinal(null);
    importRoster.reset();
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
    const report = await importRoster.run({ fileID: id, fileName: file.name, unitId, commit: false });
    if (report) setPreview(report);
  };

  const commit = async () => {
    if (!file || !fileID) return;
    const report = await importRoster.run({ fileID, fileName: file.name, unitId, commit: true });
    if (report) {
      setFinal(report);
      setPreview(null);
    }
  };

  if (final) {
    return (
      <Card title='导入完成' id='import-done'>
        <View className='notice notice--ok'>
          <Text className='notice__title'>✓ 已导入 {final.created} 人</Text>
          <Text className='notice__text'>
            文件：{final.fileName}
            {final.exists > 0 ? `；${final.exists} 人已在名单上，未重复导入` : ''}
            {final.invalid > 0 ? `；${final.invalid} 行有问题，未导入` : ''}
          </Text>
        </View>
        <Totals report={final} />
        <RowTable rows={final.rows} />
        <Button block className='btn-gap' type='primary' size='large' onClick={() => goPage(`${PAGE.adminRoster}${unitId ? `?unitId=${unitId}` : ''}`)}>
          查看名单
        </Button>
        <Button block className='btn-gap' fill='outline' onClick={startOver}>
          再导入一个文件
        </Button>
      </Card>
    );
  }

  const busy = uploading || importRoster.running;
  const shownProblem = problem ?? importRoster.error?.message ?? null;

  return (
    <>
      <Card title='第一步：选择支部和文件'>
        {branches.length > 0 ? (
          <UnitPicker id='import-unit' label='导入到哪个支部' units={branches} value={unitId} onChange={changeUnit} />
        ) : null}
        <Text className='import-help__lead muted'>表格里没有填写“所在支部”的行，会导入到这里选择的支部。</Text>

        <FilePicker onPicked={pick} onError={setProblem} />
        {file ? (
          <View className='import-picked' id='import-picked'>
            <Text className='import-picked__name'>已选择：{file.name}</Text>
            <Text className='muted'>{sizeText(file.size)}</Text>
          </View>
        ) : null}

        {shownProblem ? (
          <View className='form-error btn-gap' id='import-error' role='alert'>
            <Text className='form-error__mark'>!</Text>
            <Text>{shownProblem}</Text>
          </View>
        ) : null}

        {!preview ? (
          <Button
            id='import-preview'
            block className='btn-gap'
            type='primary'
            size='large'
            disabled={!file || busy}
            loading={busy}
            onClick={() => void runPreview()}
          >
            {uploading ? '正在上传…' : importRoster.running ? '正在检查…' : '上传并检查'}
          </Button>
        ) : null}
      </Card>

      {preview ? (
        <Card title='第二步：核对后确认导入' id='import-preview-result'>
          <Totals report={preview} />
          {preview.ready === 0 ? (
            <View className='notice notice--bad'>
              <Text className='notice__title'>! 没有可以导入的行</Text>
              <Text className='notice__text'>请按下面的原因修改表格后，重新选择文件。</Text>
            </View>
          ) : (
            <Text className='import-help__lead'>
              将导入 {preview.ready} 人。{preview.invalid > 0 ? `有问题的 ${preview.invalid} 行不会导入。` : ''}
            </Text>
          )}
          <RowTable rows={preview.rows} />
          <Button
            id='import-commit'
            block className='btn-gap'
            type='primary'
            size='large'
            disabled={preview.ready === 0 || busy}
            loading={importRoster.running}
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
