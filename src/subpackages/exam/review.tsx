// 答题解析: once answers are published, each question with my answer beside the correct one, the
// explanation and the points earned; 只看错题 narrows the list. 纠错 sends a note on a question
// that looks wrong to the bank's organisers.
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReviewItem } from '@core/contracts';
import { fillMatches, spreadBlanks } from '@core/domain/exam/fillAnswers';
import { QUESTION_TYPE_LABELS } from '@core/domain/exam/questions';
import PageShell from '@/components/PageShell';
import ResultLoader from './ResultLoader';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { EmptyView } from '@/components/StateView';
import FormError from '@/components/FormError';
import { useMutation } from '@/hooks';
import { beijingDateTime, scoreText } from '@/utils/exam-format';
import { goBackOrHome } from '@/utils/nav';
import { letter, lettersOf } from './shared';
import './review.scss';

type Filter = 'all' | 'wrong';

const NOTE_MIN = 2;
const NOTE_MAX = 300;

/** Why a held question shows no key: the windows it is on, in words (docs/SECURITY.md). */
function heldText(item: ReviewItem): string {
  const names = item.keyHeld?.windows ?? [];
  const where = names.length > 0 ? `“${names.join('”“')}”` : '补考或其他考试';
  return `这道题也在您还可以参加的${where}中，答案和解析在那场考试结束后公布。`;
}

function verdict(item: ReviewItem): { text: string; tone: 'ok' | 'bad' | 'plain' } {
  if (item.keyHeld) return { text: '答案暂不公布', tone: 'plain' };
  if (item.correct) return { text: '✓ 答对', tone: 'ok' };
  const answered = item.type === 'fill' ? (item.mine?.text ?? []).some((t) => t.trim() !== '') : (item.mine?.choice ?? []).length > 0;
  if (!answered) return { text: '— 未作答', tone: 'bad' };
  return { text: item.earned > 0 ? '◐ 部分正确' : '✕ 答错', tone: 'bad' };
}

function ChoiceReview({ item }: { item: ReviewItem }) {
  const mine = item.mine?.choice ?? [];
  return (
    <>
      <View className='review-options'>
        {item.options.map((opt, i) => {
          const right = item.correctChoice.includes(i);
          const chosen = mine.includes(i);
          const tone = right ? ' review-option--right' : chosen ? ' review-option--wrong' : '';
          const marks = [right ? '✓ 正确答案' : '', chosen ? (right ? '我的选择' : '✕ 我的选择') : ''].filter(Boolean).join(' · ');
          return (
            <View key={i} className={`exam-option review-option${tone}`} data-index={i}>
              <Text className='exam-option__badge'>{letter(i)}</Text>
              <Text className='exam-option__text'>{opt}</Text>
              {marks ? <Text className='exam-option__mark'>{marks}</Text> : null}
            </View>
          );
        })}
      </View>
      <Text className='review-line'>
        我的答案：{mine.length > 0 ? lettersOf(mine) : '未作答'}{'　'}正确答案：{lettersOf(item.correctChoice)}
      </Text>
    </>
  );
}

function FillReview({ item }: { item: ReviewItem }) {
  // Marked as the grader marks them (width, marks, numerals, all blanks typed in one box).
  const mine = spreadBlanks(item.mine?.text ?? [], item.correctBlanks.length);
  return (
    <View className='review-blanks'>
      {item.correctBlanks.map((accepted, i) => {
        const given = mine[i]?.trim() ?? '';
        const right = fillMatches(given, accepted);
        return (
          <View key={i} className={`review-blank ${right ? 'review-blank--right' : 'review-blank--wrong'}`}>
            <Text className='review-blank__label'>第 {i + 1} 空</Text>
            <Text className='review-blank__line'>
              我的答案：{given || '未填写'} {right ? '✓' : '✕'}
            </Text>
            <Text className='review-blank__line'>
              正确答案：{accepted[0]}
              {accepted.length > 1 ? `（也可填：${accepted.slice(1).join('、')}）` : ''}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

function ReviewCard({ item, reported, onReport }: { item: ReviewItem; reported: boolean; onReport: () => void }) {
  const v = verdict(item);
  return (
    <Card className='review-item' id={`review-${item.index}`}>
      <View className='review-item__head'>
        <Text className='review-item__title'>
          第 {item.index} 题 · {QUESTION_TYPE_LABELS[item.type]}
        </Text>
        <Text className={`tag exam-tag--${v.tone}`}>{v.text}</Text>
      </View>
      <Text className='review-item__stem'>{item.stem}</Text>
      {item.keyHeld ? (
        <View className='review-explain' id={`review-held-${item.index}`}>
          <Text className='review-explain__label'>答案暂不公布</Text>
          <Text className='review-explain__text'>{heldText(item)}</Text>
        </View>
      ) : (
        <>
          {item.type === 'fill' ? <FillReview item={item} /> : <ChoiceReview item={item} />}
          <Text className='review-line review-points'>
            得分：{scoreText(item.earned)} / {scoreText(item.points)} 分
          </Text>
          <View className='review-explain'>
            <Text className='review-explain__label'>解析</Text>
            <Text className='review-explain__text'>{item.explanation || '本题暂无解析'}</Text>
          </View>
        </>
      )}
      <View className='review-item__foot'>
        <Button className='review-report' size='small' fill='outline' disabled={reported} onClick={onReport}>
          {reported ? '✓ 已提交纠错' : '纠错'}
        </Button>
      </View>
    </Card>
  );
}

function ReportSheet({ attemptId, item, onDone, onClose }: { attemptId: string; item: ReviewItem; onDone: () => void; onClose: () => void }) {
  const report = useMutation('exam', 'reportQuestion');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const length = note.trim().length;

  const send = async () => {
    if (length < NOTE_MIN) {
      setProblem('请写明哪里有误（至少2个字）');
      return;
    }
    setProblem(null);
    const ok = await report.run({ attemptId, qid: item.qid, note: note.trim() });
    if (!ok) return;
    void Taro.showToast({ title: '已提交纠错', icon: 'success' });
    onDone();
  };

  const shown = problem ?? report.error?.message ?? null;
  return (
    <View className='review-sheet' id='review-sheet'>
      <View className='review-sheet__mask' onClick={onClose} />
      <View className='review-sheet__panel'>
        <Text className='review-sheet__title'>纠错：第 {item.index} 题</Text>
        <Text className='review-sheet__desc'>请写明题目、选项、答案或解析哪里有误，题库管理员会核实处理。</Text>
        <Textarea
          id='review-note'
          className='review-sheet__input'
          placeholderClass='placeholder'
          placeholder='例如：正确答案应为 B，依据是……'
          maxlength={NOTE_MAX}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
        <Text className='review-sheet__count'>
          {length} / {NOTE_MAX}
        </Text>
        <FormError message={shown} />
        <View className='review-sheet__actions'>
          <Button className='review-sheet__btn' fill='outline' onClick={onClose}>
            取消
          </Button>
          <Button id='review-note-submit' className='review-sheet__btn' type='primary' loading={report.running} disabled={report.running} onClick={() => void send()}>
            提交纠错
          </Button>
        </View>
      </View>
    </View>
  );
}

function Review({ attemptId, items }: { attemptId: string; items: ReviewItem[] }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [reportedNow, setReportedNow] = useState<Set<string>>(new Set());
  const [reporting, setReporting] = useState<ReviewItem | null>(null);
  const wrong = items.filter((i) => !i.correct && !i.keyHeld);
  const shown = filter === 'wrong' ? wrong : items;

  return (
    <>
      <View className='review-filter'>
        <View className='seg' id='review-filter'>
          {(
            [
              { value: 'all', label: `全部 ${items.length} 题` },
              { value: 'wrong', label: `只看错题 ${wrong.length}` },
            ] as Array<{ value: Filter; label: string }>
          ).map((f) => (
            <View
              key={f.value}
              id={`review-filter-${f.value}`}
              className={filter === f.value ? 'seg__item seg__item--on' : 'seg__item'}
              onClick={() => setFilter(f.value)}
            >
              {filter === f.value ? '✓ ' : ''}
              {f.label}
            </View>
          ))}
        </View>
      </View>

      {shown.length === 0 ? (
        <Card>
          <EmptyView title='没有错题' desc='这次所有题目都答对了' />
        </Card>
      ) : (
        shown.map((item) => (
          <ReviewCard key={item.qid} item={item} reported={item.reported || reportedNow.has(item.qid)} onReport={() => setReporting(item)} />
        ))
      )}

      {reporting ? (
        <ReportSheet
          attemptId={attemptId}
          item={reporting}
          onClose={() => setReporting(null)}
          onDone={() => {
            setReportedNow((prev) => new Set(prev).add(reporting.qid));
            setReporting(null);
          }}
        />
      ) : null}
    </>
  );
}

export default function ExamReviewPage() {
  return (
    <PageShell>
      <ResultLoader missingTitle='没有找到这次答题'>
        {(r, attemptId) =>
          r.review ? (
            <>
              <View className='page-intro'>
                <Text className='page-intro__title'>{r.title}</Text>
                <Text className='page-intro__desc'>
                  得分 {scoreText(r.score)} / {scoreText(r.total)} 分 · 答对 {r.correctCount} 题
                </Text>
              </View>
              <Review attemptId={attemptId} items={r.review} />
            </>
          ) : (
            <Card>
              <EmptyView
                title='答案暂未公布'
                desc={r.reviewAt ? `答案将于 ${beijingDateTime(r.reviewAt)}（北京时间）考试结束后公布` : '答案公布后可以在这里查看'}
                action={
                  <Button block type='primary' fill='outline' onClick={goBackOrHome}>
                    返回
                  </Button>
                }
              />
            </Card>
          )
        }
      </ResultLoader>
    </PageShell>
  );
}
