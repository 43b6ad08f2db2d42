// 题库: what the bank holds (by type and area), the built-in bank in one tap while the bank is
// empty, and the questions themselves with filters; each opens in the question editor and can be
// retired (停用) or restored. Retiring never changes an exam already published.
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { BankSummary, QuestionRow } from '@core/contracts';
import { AREA_TAGS, DIFFICULTY_LABELS, QUESTION_TYPE_LABELS, QUESTION_TYPES, type QuestionType } from '@core/domain/exam/questions';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import Loaded from '@/components/Loaded';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { call, toApiError } from '@/api';
import { useAction, useMutation, usePaged } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { percent } from '@/utils/format';
import './components/ui.scss';
import './bank.scss';
import { askConfirm } from '@/components/Dialog/confirm';

type Status = 'active' | 'retired';
const ALL = 'all';

function Summary({ summary, onInstalled }: { summary: BankSummary; onInstalled: () => void }) {
  const install = useMutation('exam', 'installSeedBank');

  const run = async () => {
    const done = await install.run({});
    if (!done) return;
    void Taro.showToast({ title: done.created > 0 ? `已导入 ${done.created} 道题` : '内置题库已全部导入', icon: 'none' });
    onInstalled();
  };

  const tagMax = Math.max(1, ...summary.byTag.map((t) => t.count));
  return (
    <Card title='题库概况' id='bank-summary'>
      <View className='bank-total'>
        <Text>在用</Text>
        <Text className='bank-total__value' id='bank-active'>
          {summary.active}
        </Text>
        <Text>道题</Text>
        <Text className='muted'>（已停用 {summary.retired} 道）</Text>
      </View>
      <View className='bank-types'>
        {QUESTION_TYPES.map((t) => (
          <Text key={t}>
            {QUESTION_TYPE_LABELS[t]} <Text className='bank-types__num'>{summary.byType[t]}</Text>
          </Text>
        ))}
      </View>
      {summary.byTag.map((t) => (
        <View key={t.tag} className='xa-bar'>
          <Text className='xa-bar__label'>{t.tag}</Text>
          <View className='xa-bar__track'>
            <View className='xa-bar__fill xa-bar__fill--gold' style={{ width: `${percent(t.count, tagMax)}%` }} />
          </View>
          <Text className='xa-bar__value'>{t.count} 道</Text>
        </View>
      ))}
      {summary.active === 0 ? (
        <View className='bank-install'>
          <View className='notice notice--wait'>
            <Text className='notice__title'>题库还是空的</Text>
            <Text className='notice__text'>可以一键导入内置的四史和党章党规题目，导入后仍可修改或停用。</Text>
          </View>
          <FormError message={install.error?.message} className='btn-gap' />
          <Button id='bank-install' block className='btn-gap' type='primary' size='large' loading={install.running} onClick={() => void run()}>
            导入内置题库（200余道四史题）
          </Button>
        </View>
      ) : (
        // Also offered once the bank has questions: already imported ones are skipped on the server.
        <View className='bank-install'>
          <FormError message={install.error?.message} className='btn-gap' />
          <Button id='bank-install' block className='btn-gap' type='primary' fill='outline' loading={install.running} onClick={() => void run()}>
            补充导入内置题库（已有的题自动跳过）
          </Button>
        </View>
      )}
    </Card>
  );
}

function QuestionItem({ q, onChanged }: { q: QuestionRow; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const retire = q.status === 'active';

  const toggle = async () => {
    const confirmed = await askConfirm({
      title: retire ? '停用这道题' : '恢复这道题',
      content: retire ? '停用后新考试不会再抽到这道题，已发布的考试不受影响。' : '恢复后新考试可以再用这道题。',
      confirmText: retire ? '停用' : '恢复',
      cancelText: '取消',
    });
    if (!confirmed) return;
    setBusy(true);
    try {
      await call('exam', 'setQuestionStatus', { questionId: q.id, status: retire ? 'retired' : 'active' });
      void Taro.showToast({ title: retire ? '已停用' : '已恢复', icon: 'none' });
      onChanged();
    } catch (e) {
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='admin-row' id={`question-${q.id}`} hoverClass='admin-row--pressed' onClick={() => goPage(`${PAGE.examQuestion}?id=${q.id}`)}>
      <View className='admin-row__head'>
        <Text className='tag tag--red'>{QUESTION_TYPE_LABELS[q.type]}</Text>
        <Text className='tag'>{DIFFICULTY_LABELS[q.difficulty]}</Text>
        {q.examOnly ? (
          <Text className='tag' id={`question-exam-only-${q.id}`}>
            仅考试
          </Text>
        ) : null}
        <Text className='muted'>第 {q.version} 版</Text>
        {q.openReports > 0 ? <Text className='badge'>! 纠错 {q.openReports}</Text> : null}
      </View>
      <Text className='q-row__stem clamp-2'>{q.stem}</Text>
      <View className='q-row__foot'>
        <Text className='q-row__tags'>{q.tags.length > 0 ? `标签：${q.tags.join('、')}` : '无标签'}</Text>
        <Button
          id={`question-toggle-${q.id}`}
          size='small'
          fill='outline'
          loading={busy}
          onClick={(e) => {
            e.stopPropagation();
            void toggle();
          }}
        >
          {retire ? '停用' : '恢复'}
        </Button>
      </View>
    </View>
  );
}

function Questions({ status, type, tag, onChanged }: { status: Status; type: QuestionType | null; tag: string | null; onChanged: () => void }) {
  const list = usePaged('exam', 'listQuestions', { status, type, tag, limit: 20 }, [status, type, tag]);
  const firstShow = useRef(true);
  // Back from editing a question: its row (version, stem) changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else list.reload();
  });

  const filtered = type !== null || tag !== null;
  const empty = {
    title: status === 'retired' ? '没有停用的题目' : filtered ? '没有符合条件的题目' : '题库里还没有题目',
    desc: status === 'active' && !filtered ? '可以导入内置题库、从表格导入，或逐题新增' : undefined,
  };
  return (
    <PagedList list={list} empty={empty} id='bank-list' moreId='bank-more' endText={`已显示全部 ${list.items.length} 道题`}>
      {(items) =>
        items.map((q) => (
          <QuestionItem
            key={q.id}
            q={q}
            onChanged={() => {
              list.reload();
              onChanged();
            }}
          />
        ))
      }
    </PagedList>
  );
}

function Bank() {
  const summary = useAction('exam', 'bankSummary', {}, []);
  const [status, setStatus] = useState<Status>('active');
  const [type, setType] = useState<QuestionType | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [listKey, setListKey] = useState(0);
  const firstShow = useRef(true);

  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else summary.reload();
  });

  return (
    <>
      <Loaded state={summary}>
        {(data) => (
          <Summary
            summary={data}
            onInstalled={() => {
              summary.reload();
              setListKey((k) => k + 1);
            }}
          />
        )}
      </Loaded>

      <Card>
        <View className='admin-actions'>
          <Button id='bank-new' className='admin-actions__btn' type='primary' onClick={() => goPage(PAGE.examQuestion)}>
            新增题目
          </Button>
          <Button id='bank-import' className='admin-actions__btn' fill='outline' onClick={() => goPage(PAGE.examImport)}>
            从表格导入
          </Button>
        </View>
      </Card>

      <Card title='题目'>
        <Chips
          id='bank-status'
          options={[
            { value: 'active' as Status, label: '在用' },
            { value: 'retired' as Status, label: '已停用' },
          ]}
          selected={[status]}
          onToggle={setStatus}
        />
        <Text className='bank-filter__label'>题型</Text>
        <Chips
          id='bank-type'
          options={[{ value: ALL, label: '全部' }, ...QUESTION_TYPES.map((t) => ({ value: t as string, label: QUESTION_TYPE_LABELS[t] }))]}
          selected={[type ?? ALL]}
          onToggle={(v) => setType(v === ALL ? null : (v as QuestionType))}
        />
        <Text className='bank-filter__label'>分类</Text>
        <Chips
          id='bank-tag'
          options={[{ value: ALL, label: '全部' }, ...AREA_TAGS.map((t, i) => ({ value: t as string, label: t, key: String(i) }))]}
          selected={[tag ?? ALL]}
          onToggle={(v) => setTag(v === ALL ? null : v)}
        />
        <View className='btn-gap'>
          <Questions key={listKey} status={status} type={type} tag={tag} onChanged={summary.reload} />
        </View>
      </Card>
    </>
  );
}

export default function BankPage() {
  return (
    <PageShell>
      <AdminGate>{() => <Bank />}</AdminGate>
    </PageShell>
  );
}
