// 学习: the daily study check-in (学习打卡). Today's check-in form (or 今日已打卡) with an optional
// photo, the member's challenges (打卡活动) and progress, the streak figures, a month calendar where
// a missed day still inside the make-up window can be made up (补卡), and the shared check-ins
// (支部动态: check-ins members chose to share with their branch). Every day's state is a word or symbol, never colour alone.
import { useEffect, useState, type ChangeEvent } from 'react';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CheckinRequests, SharedCheckin, MyChallenge, MyCheckins } from '@core/contracts';
import { CHALLENGE_STANDING_TEXT, MAX_PHOTO_BYTES } from '@core/domain/checkin';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import Card from '@/components/Card';
import { Button, Switch } from '@/components/nut';
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView';
import { useAction, useMutation, usePaged } from '@/hooks';
import { askReminders } from '@/api/platform';
import { toApiError, uploadFile } from '@/api';
import { CHECKIN_DAY, dayRangeText, dayTitle, leadingBlanks, monthTitle, percent, shiftMonth } from '@/utils/format';
import './index.scss';

type Entry = CheckinRequests['checkIn'];

const TITLE_MAX = 60;
const NOTE_MAX = 300;
const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** A photo picked for a check-in: uploaded at once, so the check-in only sends its fileID. */
interface Photo {
  fileID: string;
  /** What the thumbnail shows: an object URL (H5) or the temporary file path (WeChat). */
  preview: string;
}

/** Why a picked file cannot be a check-in photo, before anything is uploaded; null when it may be. */
function photoProblem(type: string, size: number): string | null {
  if (type !== '' && !type.startsWith('image/')) return '请选择一张图片';
  if (size > MAX_PHOTO_BYTES) return `照片不能超过${MAX_PHOTO_BYTES / 1024 / 1024}MB`;
  return null;
}

interface PhotoPickerProps {
  prefix: 'checkin' | 'makeup';
  disabled: boolean;
  /** A picked file to upload: the H5 File or the WeChat temporary path, its name and what the thumbnail shows. */
  onPick: (source: string | Blob, name: string, preview: string) => void;
  onProblem: (problem: string) => void;
}

/** 添加照片: H5, a real file input dressed as a button; WeChat, the system's image chooser. */
function PhotoPicker({ prefix, disabled, onPick, onProblem }: PhotoPickerProps) {
  if (process.env.TARO_ENV === 'h5') {
    const onChange = (e: ChangeEvent<HTMLInputElement>) => {
      const f = e.target.files?.[0];
      e.target.value = ''; // picking the same file again should fire again
      if (!f) return;
      const wrong = photoProblem(f.type, f.size);
      if (wrong) onProblem(wrong);
      else onPick(f, f.name, URL.createObjectURL(f));
    };
    return (
      <label className={disabled ? 'photo-pick photo-pick--off' : 'photo-pick'} id={`${prefix}-photo`}>
        <span>＋ 添加照片</span>
        <input id={`${prefix}-photo-input`} className='photo-pick__input' type='file' accept='image/*' disabled={disabled} onChange={onChange} />
      </label>
    );
  }
  const choose = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
      const f = res.tempFiles[0];
      if (!f) return;
      const wrong = photoProblem('', f.size);
      if (wrong) onProblem(wrong);
      else onPick(f.path, f.path.split('/').pop() || 'photo.jpg', f.path);
    } catch {
      // The member closed the chooser: nothing to do.
    }
  };
  return (
    <Button id={`${prefix}-photo`} fill='outline' disabled={disabled} onClick={() => void choose()}>
      ＋ 添加照片
    </Button>
  );
}

/** The check-in fields, shared by today's check-in and a make-up; ids are `${prefix}-title` etc. */
function EntryForm({
  prefix,
  submitLabel,
  running,
  serverError,
  onSubmit,
  onPhotoChange,
}: {
  prefix: 'checkin' | 'makeup';
  submitLabel: string;
  running: boolean;
  serverError: string | null;
  onSubmit: (entry: Entry) => void;
  /** The photo was picked or taken away: a refusal of the previous one no longer applies. */
  onPhotoChange: () => void;
}) {
  const [title, setTitle] = useState('');
  const [materialId, setMaterialId] = useState<string | null>(null);
  // The feed's study materials (学习资料), newest first: one tap fills the title.
  const materials = useAction('feed', 'listPosts', { kind: 'material', limit: 5 }, []);
  const [minutes, setMinutes] = useState('30');
  const [note, setNote] = useState('');
  const [share, setShare] = useState(false);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // An H5 object URL holds the picked file in memory until it is revoked.
  const preview = photo?.preview ?? null;
  useEffect(() => {
    return () => {
      if (preview?.startsWith('blob:')) URL.revokeObjectURL(preview);
    };
  }, [preview]);

  const pickPhoto = async (source: string | Blob, name: string, shown: string) => {
    setProblem(null);
    onPhotoChange();
    setUploading(true);
    try {
      const fileID = await uploadFile(source, name);
      setPhoto({ fileID, preview: shown });
    } catch (e) {
      if (shown.startsWith('blob:')) URL.revokeObjectURL(shown);
      setProblem(`照片没有上传成功：${toApiError(e).message}`);
    } finally {
      setUploading(false);
    }
  };

  const submit = () => {
    const t = title.trim();
    const m = Number(minutes);
    if (t === '') return setProblem('请填写学习内容');
    if (!Number.isInteger(m) || m < 1 || m > 600) return setProblem('学习时长请填写 1–600 分钟');
    if (note.trim().length > NOTE_MAX) return setProblem(`心得最多${NOTE_MAX}字`);
    setProblem(null);
    onSubmit({ title: t, minutes: m, note: note.trim(), share, ...(photo ? { photo: photo.fileID } : {}), ...(materialId ? { materialId } : {}) });
  };

  const shown = problem ?? serverError;
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
        {materials.data && materials.data.items.length > 0 ? (
          <View className='materials' id={`${prefix}-materials`}>
            <Text className='materials__label'>或选择学习资料：</Text>
            {materials.data.items.map((m) => (
              <Text
                key={m.id}
                id={`${prefix}-material-${m.id}`}
                className={materialId === m.id ? 'materials__item materials__item--on' : 'materials__item'}
                onClick={() => {
                  setTitle(m.title.slice(0, TITLE_MAX));
                  setMaterialId(m.id);
                }}
              >
                {materialId === m.id ? '✓ ' : ''}
                {m.title}
              </Text>
            ))}
          </View>
        ) : null}
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
      <View className='field'>
        <Text className='field__label'>
          照片 <Text className='field__hint'>（选填）</Text>
        </Text>
        {photo ? (
          <View className='photo-thumb' id={`${prefix}-photo-thumb`}>
            <Image className='photo-thumb__img' src={photo.preview} mode='aspectFill' />
            <Button
              id={`${prefix}-photo-remove`}
              size='small'
              fill='outline'
              onClick={() => {
                setPhoto(null);
                onPhotoChange();
              }}
            >
              ✕ 去掉照片
            </Button>
          </View>
        ) : uploading ? (
          <Text className='photo-uploading' id={`${prefix}-photo-uploading`}>
            正在上传照片…
          </Text>
        ) : (
          <PhotoPicker prefix={prefix} disabled={running} onPick={(src, name, shown) => void pickPhoto(src, name, shown)} onProblem={setProblem} />
        )}
      </View>
      <View className='entry-form__line'>
        <Text className='entry-form__line-label'>分享到支部</Text>
        <Text className='muted'>{share ? '开' : '关'}</Text>
        <Switch id={`${prefix}-share`} checked={share} onChange={(v: boolean) => setShare(v)} />
      </View>
      {shown ? (
        <View className='form-error' id={`${prefix}-error`} role='alert'>
          <Text className='form-error__mark'>!</Text>
          <Text>{shown}</Text>
        </View>
      ) : null}
      <Button id={`${prefix}-submit`} block type='primary' size='large' loading={running} disabled={running || uploading} onClick={submit}>
        {submitLabel}
      </Button>
    </View>
  );
}

function Figures({ data }: { data: MyCheckins }) {
  return (
    <View className='streak' id='checkin-figures'>
      <Text className='streak__main' id='checkin-streak'>
        连续打卡 <Text className='streak__num'>{data.currentStreak}</Text> 天
      </Text>
      <View className='streak__tiles'>
        <View className='streak__tiles__item' id='checkin-longest'>
          <Text className='streak__tiles__value'>{data.longestStreak}</Text>
          <Text className='streak__tiles__label'>最长 {data.longestStreak} 天</Text>
        </View>
        <View className='streak__tiles__item' id='checkin-total'>
          <Text className='streak__tiles__value'>{data.total}</Text>
          <Text className='streak__tiles__label'>累计 {data.total} 天</Text>
        </View>
        <View className='streak__tiles__item' id='checkin-makeups-left'>
          <Text className='streak__tiles__value'>{data.makeupsLeftThisMonth}</Text>
          <Text className='streak__tiles__label'>本月还可补卡 {data.makeupsLeftThisMonth} 次</Text>
        </View>
      </View>
    </View>
  );
}

function Calendar({ data, onPick, onMonth, loading }: { data: MyCheckins; onPick: (day: string) => void; onMonth: (m: string) => void; loading: boolean }) {
  const atCurrent = data.month >= data.today.slice(0, 7);
  return (
    <View className='cal' id='checkin-calendar' data-month={data.month}>
      <View className='cal__nav'>
        <Button id='checkin-prev' size='small' fill='outline' disabled={loading} onClick={() => onMonth(shiftMonth(data.month, -1))}>
          ‹ 上个月
        </Button>
        <Text className='cal__title' id='checkin-month'>
          {monthTitle(data.month)}
        </Text>
        <Button id='checkin-next' size='small' fill='outline' disabled={loading || atCurrent} onClick={() => onMonth(shiftMonth(data.month, 1))}>
          下个月 ›
        </Button>
      </View>
      <View className='cal__grid'>
        {WEEK.map((w) => (
          <Text key={w} className='cal__week'>
            {w}
          </Text>
        ))}
        {Array.from({ length: leadingBlanks(data.month) }, (_, i) => (
          <View key={`blank-${i}`} className='cal-day cal-day--blank' />
        ))}
        {data.calendar.map((d) => {
          const look = CHECKIN_DAY[d.status];
          const n = +d.day.slice(8, 10);
          const classes = ['cal-day', `cal-day--${d.status}`, d.day === data.today ? 'cal-day--today' : ''].filter(Boolean).join(' ');
          return (
            <View
              key={d.day}
              id={`day-${d.day}`}
              className={classes}
              data-status={d.status}
              aria-label={`${dayTitle(d.day)}${look.word ? ` ${look.word}` : ''}`}
              hoverClass={d.status === 'makeup_open' ? 'cal-day--pressed' : 'none'}
              onClick={d.status === 'makeup_open' ? () => onPick(d.day) : undefined}
            >
              <Text className='cal-day__num'>{n}</Text>
              <Text className='cal-day__mark'>{look.mark}</Text>
            </View>
          );
        })}
      </View>
      <View className='cal__legend'>
        <Text className='cal__legend-item'>✓ 已打卡</Text>
        <Text className='cal__legend-item'>补 已补卡</Text>
        <Text className='cal__legend-item'>漏 漏打卡</Text>
        <Text className='cal__legend-item'>可补 点按补卡</Text>
        <Text className='cal__legend-item'>今 今天未打卡</Text>
      </View>
      <Text className='cal__hint'>
        漏打的日子 {data.makeupWindowDays} 天内可以补卡，本月还可补 {data.makeupsLeftThisMonth} 次。
      </Text>
    </View>
  );
}

function MakeupForm({ day, onDone, onClose }: { day: string; onDone: () => void; onClose: () => void }) {
  const makeUp = useMutation('checkin', 'makeUp');
  const submit = async (entry: Entry) => {
    const res = await makeUp.run({ ...entry, day });
    if (!res) return;
    void Taro.showToast({ title: '补卡成功', icon: 'success' });
    onDone();
  };
  return (
    <Card id='makeup-form' title={`补卡：${dayTitle(day)}`} extra={<Text id='makeup-close' className='makeup__close' onClick={onClose}>✕ 取消</Text>}>
      <Text className='makeup__desc'>补上这一天的学习记录，补卡后连续天数会接上。</Text>
      <EntryForm
        key={day}
        prefix='makeup'
        submitLabel='补卡'
        running={makeUp.running}
        serverError={makeUp.error?.message ?? null}
        onSubmit={(e) => void submit(e)}
        onPhotoChange={makeUp.reset}
      />
    </Card>
  );
}

function TodayCard({ data, onChecked }: { data: MyCheckins; onChecked: () => void }) {
  const checkIn = useMutation('checkin', 'checkIn');
  const [justChecked, setJustChecked] = useState(false);
  const [reminder, setReminder] = useState<'idle' | 'asking' | 'on' | 'off'>('idle');

  const submit = async (entry: Entry) => {
    const res = await checkIn.run(entry);
    if (!res) return;
    setJustChecked(true);
    void Taro.showToast({ title: '打卡成功', icon: 'success' });
    onChecked();
  };

  const remind = async () => {
    setReminder('asking');
    try {
      const accepted = await askReminders(['checkin']);
      const on = accepted.includes('checkin');
      setReminder(on ? 'on' : 'off');
      void Taro.showToast({ title: on ? '已开启提醒' : '未开启提醒', icon: 'none' });
    } catch (e) {
      setReminder('idle');
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    }
  };

  if (data.checkedToday || justChecked) {
    return (
      <Card title='学习打卡' id='checkin-today'>
        <View className='notice notice--ok' id='checkin-done'>
          <Text className='notice__title'>✓ 今日已打卡</Text>
          <Text className='notice__text'>明天记得继续学习打卡。</Text>
        </View>
        {justChecked ? (
          reminder === 'on' ? (
            <Text className='checkin-remind__on' id='checkin-remind-on'>
              ✓ 已开启打卡提醒
            </Text>
          ) : (
            <Button id='checkin-remind' block className='btn-gap' fill='outline' loading={reminder === 'asking'} disabled={reminder === 'asking'} onClick={() => void remind()}>
              开启打卡提醒
            </Button>
          )
        ) : null}
      </Card>
    );
  }
  return (
    <Card title='学习打卡' id='checkin-today'>
      <Text className='checkin-today__date'>今天 {dayTitle(data.today)}，还没有打卡</Text>
      <EntryForm
        prefix='checkin'
        submitLabel='打卡'
        running={checkIn.running}
        serverError={checkIn.error?.message ?? null}
        onSubmit={(e) => void submit(e)}
        onPhotoChange={checkIn.reset}
      />
    </Card>
  );
}

function ChallengeCard({ c }: { c: MyChallenge }) {
  const share = percent(c.doneDays, c.requiredDays);
  const cancelled = c.status === 'cancelled';
  return (
    <View className='my-challenge' id={`my-challenge-${c.id}`} data-standing={c.standing}>
      <View className='my-challenge__head'>
        <Text className='my-challenge__title'>{c.title}</Text>
        <Text className={`tag my-challenge__standing--${cancelled ? 'cancelled' : c.standing}`}>{cancelled ? '已取消' : CHALLENGE_STANDING_TEXT[c.standing]}</Text>
      </View>
      <Text className='my-challenge__dates'>{dayRangeText(c.startDay, c.endDay)}</Text>
      {c.description ? <Text className='my-challenge__desc'>{c.description}</Text> : null}
      <View className='my-challenge__bar' aria-label={`已打卡 ${c.doneDays} 天，共需 ${c.requiredDays} 天`}>
        <View className={c.standing === 'completed' ? 'my-challenge__fill my-challenge__fill--done' : 'my-challenge__fill'} style={{ width: `${share}%` }} />
      </View>
      <Text className='my-challenge__progress' id={`my-challenge-progress-${c.id}`}>
        已打卡 {c.doneDays}/{c.requiredDays} 天
      </Text>
    </View>
  );
}

/** 我的打卡活动: shown only when the member's branch has a challenge (running, upcoming or recent). */
function MyChallenges({ refreshKey, tick }: { refreshKey: number; tick: number }) {
  const state = useAction('checkin', 'myChallenges', {}, [refreshKey, tick]);
  if (state.error && !state.data) {
    return (
      <Card title='我的打卡活动' id='my-challenges'>
        <ErrorView message={state.error.message} onRetry={state.reload} />
      </Card>
    );
  }
  const list = state.data ?? [];
  if (list.length === 0) return null;
  return (
    <Card title='我的打卡活动' id='my-challenges'>
      {list.map((c) => (
        <ChallengeCard key={c.id} c={c} />
      ))}
    </Card>
  );
}

function SharedCheckinEntry({ item }: { item: SharedCheckin }) {
  const photo = item.photoUrl;
  return (
    <View className='shared-checkin' id={`shared-checkin-${item.id}`}>
      <View className='shared-checkin__head'>
        <Text className='shared-checkin__name'>{item.name}</Text>
        {item.mine ? <Text className='tag'>我</Text> : null}
        {item.madeUp ? <Text className='tag tag--gold'>补卡</Text> : null}
        <Text className='shared-checkin__day'>{dayTitle(item.day)}</Text>
      </View>
      <Text className='shared-checkin__title'>
        {item.title} · {item.minutes} 分钟
      </Text>
      {item.note ? <Text className='shared-checkin__note'>{item.note}</Text> : null}
      {photo ? (
        <Image
          id={`shared-checkin-photo-${item.id}`}
          className='shared-checkin__photo'
          src={photo}
          mode='aspectFill'
          lazyLoad
          onClick={() => void Taro.previewImage({ urls: [photo], current: photo })}
        />
      ) : null}
    </View>
  );
}

/** 支部动态: check-ins the member's branch mates chose to share, newest first, ten at a time. */
function SharedCheckins({ refreshKey, tick }: { refreshKey: number; tick: number }) {
  const shared = usePaged('checkin', 'sharedCheckins', { limit: 10 }, [refreshKey, tick]);
  return (
    <Card title='支部动态' id='shared-checkins'>
      {shared.loading ? (
        <LoadingView />
      ) : shared.error && shared.items.length === 0 ? (
        <ErrorView message={shared.error.message} onRetry={shared.reload} />
      ) : shared.items.length === 0 ? (
        <EmptyView title='还没有同志分享打卡' desc='打卡时打开“分享到支部”，支部的同志就能看到您的学习' />
      ) : (
        <View>
          {shared.items.map((item) => (
            <SharedCheckinEntry key={item.id} item={item} />
          ))}
          {shared.error ? (
            <View className='form-error btn-gap' role='alert'>
              <Text className='form-error__mark'>!</Text>
              <Text>{shared.error.message}</Text>
            </View>
          ) : null}
          {shared.hasMore ? (
            <Button id='shared-checkins-more' block className='btn-gap' fill='outline' loading={shared.loadingMore} onClick={shared.loadMore}>
              {shared.error ? '重试' : '加载更多'}
            </Button>
          ) : (
            <Text className='shared-checkins-end'>没有更早的动态了</Text>
          )}
        </View>
      )}
    </Card>
  );
}

function Checkin({ refreshKey }: { refreshKey: number }) {
  const [month, setMonth] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [makeupDay, setMakeupDay] = useState<string | null>(null);
  const state = useAction('checkin', 'getMyCheckins', { month }, [month, tick, refreshKey]);
  const data = state.data;

  if (!data && state.loading) {
    return (
      <Card>
        <LoadingView />
      </Card>
    );
  }
  if (!data) {
    return (
      <Card>
        <ErrorView message={state.error?.message ?? ''} onRetry={state.reload} />
      </Card>
    );
  }
  const reload = () => setTick((t) => t + 1);
  return (
    <>
      <TodayCard data={data} onChecked={reload} />
      {/* A check-in or make-up (tick) changes challenge progress and may add to the shared check-ins. */}
      <MyChallenges refreshKey={refreshKey} tick={tick} />
      <Card title='我的打卡'>
        <Figures data={data} />
      </Card>
      <Card title='打卡日历'>
        {state.error ? (
          <ErrorView message={state.error.message} onRetry={state.reload} />
        ) : (
          <Calendar
            data={data}
            loading={state.loading}
            onMonth={(m) => {
              setMakeupDay(null);
              setMonth(m);
            }}
            onPick={setMakeupDay}
          />
        )}
      </Card>
      {makeupDay ? (
        <MakeupForm
          day={makeupDay}
          onClose={() => setMakeupDay(null)}
          onDone={() => {
            setMakeupDay(null);
            reload();
          }}
        />
      ) : null}
      <SharedCheckins refreshKey={refreshKey} tick={tick} />
    </>
  );
}

export default function StudyPage() {
  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>学习</Text>
        <Text className='page-intro__desc'>每日学习打卡，漏打的日子可以补卡</Text>
      </View>
      <MemberGate why='绑定后才能参加每日学习打卡。'>{(refreshKey) => <Checkin refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
