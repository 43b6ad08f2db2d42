// The question import's preview, row by row, as members will see each question: the stem, the
// options with their letters (正确/错误 for a judge question), a box for each blank and the key;
// what a row changes in a question the bank already holds, one line per change (an option or the
// explanation old → new); what the import did to the row's cells (a long tag cut); and which
// sheet of the workbook was read, with the others to choose from.
import { Text, View } from '@tarojs/components';
import type { QuestionSheetReport, QuestionSheetRow } from '@core/contracts/examImport';
import { OPTION_LETTERS } from '@core/domain/exam/questions';

/** The question of a sound row, as a member would see it, with the key marked. */
export function QuestionAsSeen({ row }: { row: QuestionSheetRow }) {
  if (row.status === 'invalid') {
    return row.column ? (
      <Text className='qpreview__where'>
        第 {row.row} 行「{row.column}」列
      </Text>
    ) : null;
  }
  const q = row.question;
  if (!q) return null;
  return (
    <>
      <ChangeLine row={row} />
      <View className='qpreview' id={`qpreview-${row.row}`}>
        <Text className='qpreview__stem'>{q.stem}</Text>
        {q.type === 'fill' ? (
          <View className='qpreview__blanks'>
            {q.blanks.map((accepted, i) => (
              <View key={i} className='qpreview__blank'>
                <Text className='qpreview__box'>第 {i + 1} 空</Text>
                <Text className='qpreview__key'>答案：{accepted.join(' 或 ')}</Text>
              </View>
            ))}
          </View>
        ) : (
          q.options.map((o, i) => (
            <Text key={i} className={q.answer.includes(i) ? 'qpreview__option qpreview__option--key' : 'qpreview__option'}>
              {q.type === 'judge' ? '' : `${OPTION_LETTERS[i]}. `}
              {o}
              {q.answer.includes(i) ? '  ✓ 答案' : ''}
            </Text>
          ))
        )}
        {q.examOnly ? (
          <Text className='qpreview__exam-only' id={`qpreview-exam-only-${row.row}`}>
            仅用于考试（不出现在每日答题和竞赛中）
          </Text>
        ) : null}
      </View>
    </>
  );
}

/** Which sheet was read; the other sheets as buttons to read instead. */
export function SheetChooser({ report, disabled, choose }: { report: QuestionSheetReport; disabled: boolean; choose: (sheet: string) => void }) {
  if (report.sheet === null) return null;
  const others = report.sheets.filter((s) => s !== report.sheet);
  return (
    <View className='qsheet' id='qimport-sheet'>
      <Text className='qsheet__read'>读取的是「{report.sheet}」表</Text>
      {others.length > 0 ? (
        <View className='qsheet__others'>
          <Text className='qsheet__lead muted'>文件里还有这些表，题目不在这里时可以换一张：</Text>
          {others.map((s) => (
            <View key={s} className={disabled ? 'qsheet__choice qsheet__choice--off' : 'qsheet__choice'} onClick={() => !disabled && choose(s)}>
              改读「{s}」
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 新增 / 将更新：选项 B：“…” → “…” (one line per change) / 无变化: what the row does to the bank;
 * then what the import did to its cells (标签“…”过长，已截为 30 字).
 */
function ChangeLine({ row }: { row: QuestionSheetRow }) {
  const changes = row.changes.length > 0 ? row.changes : row.change ? [row.change] : [];
  const lines =
    row.status === 'update' || row.status === 'updated'
      ? changes.map((c, i) => (i === 0 ? `${row.status === 'update' ? '将更新' : '已更新'}：${c}` : c))
      : row.status === 'ready' || row.status === 'created'
        ? ['新增']
        : row.reason === '无变化'
          ? ['题库里已有，无变化']
          : [];
  return (
    <>
      {lines.length > 0 ? (
        <View className={changes.length > 0 ? 'qpreview__change qpreview__change--update' : 'qpreview__change'} id={`qchange-${row.row}`}>
          {lines.map((line, i) => (
            <Text key={i} className={i === 0 ? 'qpreview__change-line' : 'qpreview__change-line qpreview__change-line--more'}>
              {line}
            </Text>
          ))}
        </View>
      ) : null}
      {row.notes.length > 0 ? (
        <View className='qpreview__notes' id={`qnote-${row.row}`}>
          {row.notes.map((note, i) => (
            <Text key={i} className='qpreview__note'>
              {note}
            </Text>
          ))}
        </View>
      ) : null}
    </>
  );
}

/** The counts an organiser checks before confirming: 新增 N，更新 M，无变化 K，有问题 E. */
export function ImportCounts({ report }: { report: QuestionSheetReport }) {
  const fresh = report.committed ? report.created : report.ready;
  return (
    <Text className='qcounts' id='qimport-counts'>
      新增 {fresh}，更新 {report.update}，无变化 {report.unchanged}，有问题 {report.invalid}
    </Text>
  );
}
