// Photos for a post, a cover or a portrait: pick (several at once where allowed), check, upload
// into cloud storage, see them as thumbnails and remove any. In the browser a file input; in WeChat
// the album or camera, compressed by WeChat first. The server checks every file again.
import { useRef, useState, type ChangeEvent } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { toApiError, uploadFile } from '@/api';
import { Button } from '@/components/nut';
import FormError from '@/components/FormError';
import { photoProblem, photoRoom } from '@/utils/feed-format';
import './index.scss';

/** An uploaded photo: the cloud fileID the action takes and a URL to show it now. */
export interface PickedPhoto {
  fileID: string;
  preview: string;
}

export interface PhotoPickerProps {
  /** Element ids: `${id}-input` (browser), `${id}-choose` (WeChat), `${id}-<i>`, `${id}-remove-<i>`, `${id}-error`. */
  id: string;
  label: string;
  hint?: string;
  max: number;
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  /** The button's words, e.g. 添加照片 / 选择封面. */
  addText: string;
}

interface Source {
  source: string | Blob;
  name: string;
  size: number;
  preview: string;
}

export default function PhotoPicker({ id, label, hint, max, photos, onChange, addText }: PhotoPickerProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Uploads finish one after another: each adds to the latest list, not to the one it started with.
  const latest = useRef(photos);
  latest.current = photos;
  const room = photoRoom(photos.length, max);

  const uploadAll = async (files: Source[]) => {
    // A single photo (cover, portrait) is replaced; a set is added to until it is full.
    const limit = max === 1 ? 1 : room.left;
    const fitting = files.slice(0, limit);
    const problems: string[] = files.length > limit ? [`最多${max}张，多出的${files.length - limit}张没有添加`] : [];
    setBusy(true);
    for (const f of fitting) {
      const wrong = photoProblem(f.name, f.size);
      if (wrong) {
        problems.push(`${f.name}：${wrong}`);
        continue;
      }
      try {
        const fileID = await uploadFile(f.source, f.name);
        const next = max === 1 ? [{ fileID, preview: f.preview }] : [...latest.current, { fileID, preview: f.preview }];
        latest.current = next;
        onChange(next);
      } catch (e) {
        problems.push(`图片没有上传成功：${toApiError(e).message}`);
      }
    }
    setBusy(false);
    setProblem(problems.length > 0 ? problems.join('；') : null);
  };

  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(e.target.files ?? []);
    e.target.value = ''; // choosing the same file again should fire again
    if (list.length > 0) void uploadAll(list.map((f) => ({ source: f, name: f.name, size: f.size, preview: URL.createObjectURL(f) })));
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
        return { source: f.path, name: `photo-${i + 1}.${ext}`, size: f.size, preview: f.path };
      }),
    );
  };

  const remove = (index: number) => onChange(photos.filter((_, i) => i !== index));
  const preview = (index: number) => void Taro.previewImage({ urls: photos.map((p) => p.preview), current: photos[index]?.preview ?? '' });
  const canAdd = max === 1 || room.left > 0;
  const buttonText = busy ? '正在上传…' : max === 1 && photos.length === 1 ? '更换' : addText;

  return (
    <View className='field ui-photos' id={id}>
      <Text className='field__label'>
        {label}
        <Text className='field__hint'> {hint ?? (max === 1 ? 'JPG 或 PNG，不超过4MB' : `最多${max}张，JPG 或 PNG，每张不超过4MB`)}</Text>
      </Text>
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
              accept='image/png,image/jpeg'
              multiple={max > 1}
              disabled={busy}
              onChange={onFiles}
            />
          </label>
        ) : (
          <Button id={`${id}-choose`} block fill='outline' type='primary' loading={busy} disabled={busy} onClick={() => void choose()}>
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
      <FormError id={`${id}-error`} message={problem} className='btn-gap' />
    </View>
  );
}
