// A report's attachments: each listed with its name and size, to open, or to remove while the
// report is being written; new ones chosen from WeChat chats (chooseMessageFile) in the
// mini-program or with a file input in the browser, checked here by kind, size (≤ 20 MB) and
// number before they are uploaded through the campaign context's `document` ticket; the server
// checks them again by size and first bytes.
import { useState, type ChangeEvent } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import { toApiError, uploadFile } from '@/api';
import { fileExt, fileSizeText, MAX_REPORT_FILES, REPORT_FILE_EXTS, REPORT_FILE_RULE, reportFileProblem } from '@/utils/campaign-format';

export interface AttachedFile {
  fileID: string;
  name: string;
  size: number;
  ext: string;
  /** A link to open it, once the server has answered one; null for a file just uploaded. */
  url: string | null;
}

const ACCEPT = REPORT_FILE_EXTS.map((e) => `.${e}`).join(',');
const IMAGE_EXTS = ['jpg', 'jpeg', 'png'];

/** Open an attachment: a new tab in the browser; in WeChat a picture in the viewer, a document in its preview. */
async function openAttachment(f: AttachedFile): Promise<void> {
  if (!f.url) return;
  if (process.env.TARO_ENV === 'h5') {
    window.open(f.url, '_blank', 'noopener');
    return;
  }
  if (IMAGE_EXTS.includes(f.ext)) {
    await Taro.previewImage({ urls: [f.url], current: f.url });
    return;
  }
  const res = await Taro.downloadFile({ url: f.url });
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: f.ext as never, showMenu: true } as never);
}

export interface ReportFilesProps {
  files: AttachedFile[];
  /** Null: read only (no choosing, no removing). */
  onChange: ((files: AttachedFile[]) => void) | null;
}

export function ReportFiles({ files, onChange }: ReportFilesProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (picked: Array<{ name: string; size: number; source: string | Blob }>) => {
    let list = files;
    setProblem(null);
    for (const p of picked) {
      const refused = reportFileProblem(p.name, p.size, list.length);
      if (refused) {
        setProblem(refused);
        continue;
      }
      setBusy(true);
      try {
        const fileID = await uploadFile('campaign', 'document', p.source, p.name);
        list = [...list, { fileID, name: p.name, size: p.size, ext: fileExt(p.name), url: null }];
        onChange?.(list);
      } catch (e) {
        setProblem(`“${p.name}”没有上传成功：${toApiError(e).message}`);
      } finally {
        setBusy(false);
      }
    }
  };

  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(e.target.files ?? []);
    e.target.value = ''; // choosing the same file again should fire again
    void add(chosen.map((f) => ({ name: f.name, size: f.size, source: f })));
  };

  const choose = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: MAX_REPORT_FILES - files.length, type: 'file', extension: [...REPORT_FILE_EXTS] });
      await add(res.tempFiles.map((f) => ({ name: f.name, size: f.size, source: f.path })));
    } catch {
      // The organiser closed the chooser: nothing to do.
    }
  };

  const open = (f: AttachedFile) => {
    openAttachment(f).catch(() => void Taro.showToast({ title: '文件没有打开，请重试', icon: 'none' }));
  };

  return (
    <View id='report-files'>
      {files.length === 0 ? <Text className='muted'>{onChange ? '还没有附件' : '没有附件'}</Text> : null}
      {files.map((f, i) => (
        <View key={f.fileID} className='cmp-file' id={`report-file-${i}`}>
          <View className='cmp-file__text' onClick={f.url ? () => open(f) : undefined}>
            <Text className='cmp-file__name'>{f.name}</Text>
            <Text className='muted'>
              {f.size > 0 ? fileSizeText(f.size) : ''}
              {f.url ? ' · 点击打开' : onChange ? ' · 已上传，保存后生效' : ''}
            </Text>
          </View>
          {onChange ? (
            <Button id={`report-file-${i}-remove`} className='cmp-small-btn' size='small' fill='outline' disabled={busy} onClick={() => onChange(files.filter((x) => x.fileID !== f.fileID))}>
              移除
            </Button>
          ) : null}
        </View>
      ))}
      <FormError id='report-files-error' className='btn-gap' message={problem} />
      {onChange && files.length < MAX_REPORT_FILES ? (
        <View className='btn-gap'>
          {process.env.TARO_ENV === 'h5' ? (
            <label className='cmp-file-pick'>
              <span>{busy ? '正在上传…' : '添加附件'}</span>
              <input id='report-file-input' className='cmp-file-pick__input' type='file' multiple accept={ACCEPT} disabled={busy} onChange={onInput} />
            </label>
          ) : (
            <Button id='report-file-choose' block fill='outline' type='primary' loading={busy} disabled={busy} onClick={() => void choose()}>
              从微信聊天中选择文件
            </Button>
          )}
          <Text className='admin-note'>{REPORT_FILE_RULE}。</Text>
        </View>
      ) : null}
    </View>
  );
}
