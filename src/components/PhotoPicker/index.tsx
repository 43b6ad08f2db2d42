// Photos for a post, a cover, a portrait or a check-in: pick (several at once where allowed), check, upload
// into cloud storage, see them as thumbnails and remove any. In the browser a file input; in WeChat
// the album or camera, compressed by WeChat first. The server checks every file again.
import { useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { toApiError, uploadFile, type UploadTarget } from '@/api';
import { Button } from '@/components/nut';
import FormError from '@/components/FormError';
import { photoProblem, photoRoom } from '@/utils/feed-format';
import './index.scss';

/** An uploaded photo: the cloud fileID the action takes and a URL to show it now. */
export interface PickedPhoto {
  fileID: string;
  preview: string;
}

/** A picked file as a check sees it: its name, its MIME type ('' in WeChat, which does not say) and its size. */
export interface PhotoFile {
  name: string;
  type: string;
  size: number;
}

export interface PhotoPickerProps {
  /**
   * Element ids. 'grid': `${id}` (the field), `${id}-input` (browser), `${id}-choose` (WeChat), `${id}-<i>`,
   * `${id}-remove-<i>`, `${id}-error`. 'inline': `${id}` (the add button), `${id}-input` (browser),
   * `${id}-uploading`, `${id}-thumb`, `${id}-remove`, `${id}-error` (without onProblem).
   */
  id: string;
  /** Whose action will read the pictures, and what for: the upload ticket is asked of that context. */
  upload: UploadTarget;
  label: string;
  hint?: string;
  max: number;
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  /** The button's words, e.g. 添加照片 / 选择封面. */
  addText: string;
  /**
   * 'grid' (the default): thumbnails in a grid with 删除 under each. 'inline': one photo (max 1) as a
   * field of a larger form: the add button gives way to 正在上传照片… while uploading, then to a small
   * thumbnail beside ✕ 去掉照片.
   */
  layout?: 'grid' | 'inline';
  /** What the browser's chooser offers; JPG and PNG unless said. */
  accept?: string;
  /** Why a file may not be uploaded, or null when it may; unless said, JPG or PNG (by name) up to 4 MB. */
  check?: (file: PhotoFile) => string | null;
  /** Adding is off, e.g. while the form is being sent. */
  disabled?: boolean;
  /** An upload started (true) or ended (false), e.g. for a form to hold its submit meanwhile. */
  onBusy?: (busy: boolean) => void;
  /** Problems go here (the form's one error line) instead of under the picker; null: the last one no longer applies. */
  onProblem?: (problem: string | null) => void;
}

interface Source extends PhotoFile {
  source: string | Blob;
  /** What the thumbnail shows, made only for a file that passed the check (an H5 object URL holds the file). */
  preview: () => string;
}

const byName = (f: PhotoFile) => photoProblem(f.name, f.size);

export default function PhotoPicker(props: PhotoPickerProps) {
  const { id, upload, label, hint, max, photos, onChange, addText, layout = 'grid', accept = 'image/png,image/jpeg', check = byName, disabled = false, onBusy, onProblem } = props;
  const inline = layout === 'inline';
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Uploads finish one after another: each adds to the latest list, not to the one it started with.
  const latest = useRef(photos);
  latest.current = photos;
  const room = photoRoom(photos.length, max);
  const report = (p: string | null) => (onProblem ? onProblem(p) : setProblem(p));
  const busyNow = (b: boolean) => {
    setBusy(b);
    onBusy?.(b);
  };

  const uploadAll = async (files: Source[]) => {
    // A single photo (cover, portrait, check-in) is replaced; a set is added to until it is full.
    const limit = max === 1 ? 1 : room.left;
    const fitting = files.slice(0, limit);
    const problems: string[] = files.length > limit ? [`最多${max}张，多出的${files.length - limit}张没有添加`] : [];
    const passed = fitting.filter((f) => {
      const wrong = check(f);
      // One photo in a form needs no file name before its problem.
      if (wrong) problems.push(inline ? wrong : `${f.name}：${wrong}`);
      return !wrong;
    });
    if (passed.length > 0) {
      onProblem?.(null); // a new photo: the form's last problem (or the server's refusal) no longer applies
      busyNow(true);
      for (const f of passed) {
        const preview = f.preview();
        try {
          const fileID = await uploadFile(upload.context, upload.purpose, f.source, f.name);
          const next = max === 1 ? [{ fileID, preview }] : [...latest.current, { fileID, preview }];
          latest.current = next;
          onChange(next);
        } catch (e) {
          if (preview.startsWith('blob:')) URL.revokeObjectURL(preview);
          problems.push(`${inline ? '照片' : '图片'}没有上传成功：${toApiError(e).message}`);
        }
      }
      busyNow(false);
    }
    report(problems.length > 0 ? problems.join('；') : null);
  };

  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(e.target.files ?? []);
    e.target.value = ''; // choosing the same file again should fire again
    if (list.length > 0) void uploadAll(list.map((f) => ({ source: f, name: f.name, type: f.type, size: f.size, preview: () => URL.createObjectURL(f) })));
  };

  const choose = async () => {
    let res: Taro.chooseImage.SuccessCallbackResult;
    try {
      res = await Taro.chooseImage({ count: max === 1 ? 1 : Math.max(1, room.left), sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return; // the chooser was closed
    }
    await uploadAll(
      res.tempFiles.map((f, i) => {
        const ext = /\.(png|jpe?g)$/i.exec(f.path)?.[1] ?? 'jpg';
        return { source: f.path, name: `photo-${i + 1}.${ext}`, type: '', size: f.size, preview: () => f.path };
      }),
    );
  };

  const remove = (index: number) => onChange(photos.filter((_, i) => i !== index));
  const preview = (index: number) => void Taro.previewImage({ urls: photos.map((p) => p.preview), current: photos[index]?.preview ?? '' });
  const labelLine = (
    <Text className='field__label'>
      {label}
      <Text className='field__hint'> {hint ?? (max === 1 ? 'JPG 或 PNG，不超过4MB' : `最多${max}张，JPG 或 PNG，每张不超过4MB`)}</Text>
    </Text>
  );
  const ownError = onProblem ? null : <FormError id={`${id}-error`} message={problem} className='btn-gap' />;

  if (inline) {
    const photo = photos[0];
    let body: ReactNode;
    if (photo) {
      body = (
        <View className='photo-thumb' id={`${id}-thumb`}>
          <Image className='photo-thumb__img' src={photo.preview} mode='aspectFill' />
          <Button id={`${id}-remove`} size='small' fill='outline' onClick={() => remove(0)}>
            ✕ 去掉照片
          </Button>
        </View>
      );
    } else if (busy) {
      body = (
        <Text className='photo-uploading' id={`${id}-uploading`}>
          正在上传照片…
        </Text>
      );
    } else if (process.env.TARO_ENV === 'h5') {
      body = (
        <label className={disabled ? 'photo-pick photo-pick--off' : 'photo-pick'} id={id}>
          <span>{addText}</span>
          <input id={`${id}-input`} className='photo-pick__input' type='file' accept={accept} disabled={disabled} onChange={onFiles} />
        </label>
      );
    } else {
      body = (
        <Button id={id} fill='outline' disabled={disabled} onClick={() => void choose()}>
          {addText}
        </Button>
      );
    }
    return (
      <View className='field'>
        {labelLine}
        {body}
        {ownError}
      </View>
    );
  }

  const canAdd = max === 1 || room.left > 0;
  const buttonText = busy ? '正在上传…' : max === 1 && photos.length === 1 ? '更换' : addText;
  return (
    <View className='field ui-photos' id={id}>
      {labelLine}
      {photos.length > 0 ? (
        <View className={max === 1 ? 'ui-photos__grid ui-photos__grid--one' : 'ui-photos__grid'}>
          {photos.map((p, i) => (
            <View key={p.fileID} className='ui-photos__item' id={`${id}-${i}`}>
              <Image className='ui-photos__img' src={p.preview} mode='aspectFill' onClick={() => preview(i)} />
              <View className='ui-photos__remove' id={`${id}-remove-${i}`} aria-label='删除这张图片' onClick={() => remove(i)}>
                ✕ 删除
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {canAdd ? (
        process.env.TARO_ENV === 'h5' ? (
          <label className={busy ? 'ui-photos__add ui-photos__add--busy' : 'ui-photos__add'}>
            <span>{buttonText}</span>
            <input
              id={`${id}-input`}
              className='ui-photos__input'
              type='file'
              accept={accept}
              multiple={max > 1}
              disabled={busy || disabled}
              onChange={onFiles}
            />
          </label>
        ) : (
          <Button id={`${id}-choose`} block fill='outline' type='primary' loading={busy} disabled={busy || disabled} onClick={() => void choose()}>
            {buttonText}
          </Button>
        )
      ) : (
        <Text className='ui-photos__full muted'>{room.full}</Text>
      )}
      {max > 1 && photos.length > 0 ? (
        <Text className='ui-photos__count muted' id={`${id}-count`}>
          已添加 {photos.length} / {max} 张
        </Text>
      ) : null}
      {ownError}
    </View>
  );
}
