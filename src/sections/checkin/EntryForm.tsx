// The check-in fields, shared by today's check-in and a make-up (补卡): title or a study material, minutes, note, photo, share.
import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { CheckinRequests } from '@core/contracts';
import { MAX_IMAGE_BYTES, MAX_IMAGE_TEXT } from '@core/domain/images';
import { Button, Switch } from '@/components/nut';
import FormError from '@/components/FormError';
import PhotoPicker, { type PhotoFile, type PickedPhoto } from '@/components/PhotoPicker';
import StudyMaterials from './StudyMaterials';
import './EntryForm.scss';

export type Entry = CheckinRequests['checkIn'];

const TITLE_MAX = 60;
const NOTE_MAX = 300;

/** Why a picked file cannot be a check-in photo, before anything is uploaded; null when it may be. */
function photoProblem({ type, size }: PhotoFile): string | null {
  if (type !== '' && !type.startsWith('image/')) return '请选择一张图片';
  if (size > MAX_IMAGE_BYTES) return `照片不能超过${MAX_IMAGE_TEXT}`;
  return null;
}

export interface EntryFormProps {
  /** Ids are `${prefix}-title`, `${prefix}-minutes`, `${prefix}-note`, `${prefix}-photo…`, `${prefix}-share`, `${prefix}-error`, `${prefix}-submit`. */
  prefix: 'checkin' | 'makeup';
  submitLabel: string;
  running: boolean;
  serverError: string | null;
  onSubmit: (entry: Entry) => void;
  /** The photo was picked or taken away: a refusal of the previous one no longer applies. */
  onPhotoChange: () => void;
}

export default function EntryForm({ prefix, submitLabel, running, serverError, onSubmit, onPhotoChange }: EntryFormProps) {
  const [title, setTitle] = useState('');
  const [materialId, setMaterialId] = useState<string | null>(null);
  const [minutes, setMinutes] = useState('30');
  const [note, setNote] = useState('');
  const [share, setShare] = useState(false);
  // A photo is uploaded as soon as it is picked, so the check-in only sends its fileID.
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // An H5 object URL holds the picked file in memory until it is revoked.
  const preview = photo?.preview ?? null;
  useEffect(() => {
    return () => {
      if (preview?.startsWith('blob:')) URL.revokeObjectURL(preview);
    };
  }, [preview]);

  const submit = () => {
    const t = title.trim();
    const m = Number(minutes);
    if (t === '') return setProblem('请填写学习内容');
    if (!Number.isInteger(m) || m < 1 || m > 600) return setProblem('学习时长请填写 1–600 分钟');
    if (note.trim().length > NOTE_MAX) return setProblem(`心得最多${NOTE_MAX}字`);
    setProblem(null);
    onSubmit({ title: t, minutes: m, note: note.trim(), share, ...(photo ? { photo: photo.fileID } : {}), ...(materialId ? { materialId } : {}) });
  };

  return (
    <View className='entry-form'>
      <View className='field'>
        <Text className='field__label'>学习内容</Text>
        <Input
          id={`${prefix}-title`}
          className='field__input'
          placeholderClass='placeholder'
          placeholder='例如：学习党章第一章'
          maxlength={TITLE_MAX}
          value={title}
          onInput={(e) => {
            setTitle(e.detail.value);
            setMaterialId(null);
          }}
        />
        <StudyMaterials
          prefix={prefix}
          selected={materialId}
          onPick={(m) => {
            setTitle(m.title.slice(0, TITLE_MAX));
            setMaterialId(m.id);
          }}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>时长（分钟）</Text>
        <Input
          id={`${prefix}-minutes`}
          className='field__input'
          placeholderClass='placeholder'
          type='number'
          maxlength={3}
          value={minutes}
          onInput={(e) => {
            const v = e.detail.value.replace(/\D/g, '').slice(0, 3);
            setMinutes(v);
            return v;
          }}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>
          心得 <Text className='field__hint'>（选填）</Text>
        </Text>
        <Textarea
          id={`${prefix}-note`}
          className='entry-form__note'
          placeholderClass='placeholder'
          placeholder='写几句学习体会'
          maxlength={NOTE_MAX}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
        <Text className='entry-form__count'>
          {note.trim().length} / {NOTE_MAX}
        </Text>
      </View>
      <PhotoPicker
        id={`${prefix}-photo`}
        upload={{ context: 'checkin', purpose: 'photo' }}
        layout='inline'
        label='照片'
        hint='（选填）'
        max={1}
        addText='＋ 添加照片'
        accept='image/*'
        check={photoProblem}
        disabled={running}
        photos={photo ? [photo] : []}
        onChange={(photos) => {
          setPhoto(photos[0] ?? null);
          if (photos.length === 0) onPhotoChange(); // taken away
        }}
        onBusy={(busy) => {
          setUploading(busy);
          if (busy) onPhotoChange(); // a new photo is on its way
        }}
        onProblem={setProblem}
      />
      <View className='entry-form__line'>
        <Text className='entry-form__line-label'>分享到支部</Text>
        <Text className='muted'>{share ? '开' : '关'}</Text>
        <Switch id={`${prefix}-share`} checked={share} onChange={(v: boolean) => setShare(v)} />
      </View>
      <FormError id={`${prefix}-error`} message={problem ?? serverError} />
      <Button id={`${prefix}-submit`} block type='primary' size='large' loading={running} disabled={running || uploading} onClick={submit}>
        {submitLabel}
      </Button>
    </View>
  );
}
