"""The parser's diagnostic messages in English and Japanese, and each diagnostic code explained.

The parser writes a diagnostic's message in English (`str(NO_COUNT(what=…, text=…))`): that is what
a document's `diagnostics[].message` holds.  `read` turns such a text back into its template and
fields, so that `validate` can show it in Japanese; a text no template matches stays as it is.
A field written with `!r` in English is quoted with 「」 in Japanese.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Message, Template

# ---------------------------------------------------------------- the messages

EMPTY = Template("{what} is empty", "{what}が空欄です")
PLACEHOLDER_VALUE = Template("{what} is an unfilled placeholder: {text}", "{what}がひな形のままです: {text}")
PLACEHOLDER_LABEL = Template("unfilled placeholder {label!r}", "ひな形のままの「{label}」")
GUIDANCE_LEFT = Template("template guidance left in the sheet: {text}", "様式の記入例・注意書きが残っています: {text}")
GUIDANCE_ROW_LEFT = Template(
    "template guidance row left in the sheet: {text}", "様式の記入例・注意書きだけの行が残っています: {text}"
)
EMPTY_INDICATOR_ROW = Template("an indicator row with nothing filled in", "何も記入されていない指標の行です")
UNKNOWN_SECTOR = Template(
    "unknown sector {sector!r}; read as others",
    "分野「{sector}」は保健・医療・福祉・その他関係機関・住民等のいずれでもありません。その他として読みました",
)
FREQUENCY_WITHOUT_COUNT = Template(
    "開催頻度 {text!r} gives no count a year", "開催頻度「{text}」からは年に何回かが読み取れません"
)
TOO_LONG = Template("{what}: the number is too long to be real", "{what}: 数字が長すぎて実際の値とは思えません")
NO_NUMBER = Template("{what}: no number in {text!r}", "{what}: 「{text}」に数字がありません")
NOT_WHOLE = Template("{what}: {value} is not a whole number", "{what}: {value} は整数ではありません")
APPROXIMATE = Template("{what} is approximate: {text}", "{what}は概数です: {text}")
EXTRA_ROW = Template("{what} has an extra row", "{what}に余分な行があります")
TWO_COUNTS = Template("{what}: expected two counts in {text!r}", "{what}: 「{text}」に人数が二つあるはずです")
NO_COUNT = Template("{what}: no count in {text!r}", "{what}: 「{text}」に数がありません")
NO_PERCENT = Template("{what}: no percent in {text!r}", "{what}: 「{text}」に割合（％）がありません")
NEITHER_MARKED = Template(
    "{what}: neither option of {text!r} is marked", "{what}: 「{text}」のどちらにも印がありません"
)
BOTH_MARKED = Template("{what}: both options of {text!r} are marked", "{what}: 「{text}」の両方に印があります")
CHOICE_EMPTY = Template("{what}: 有・無 is empty", "{what}: 有・無が空欄です")
COUNT_UNREADABLE = Template("{what}: cannot read the count {text!r}", "{what}: 数「{text}」を読めません")
DUPLICATE_ROW = Template("{key} appears twice; the first is kept", "{key}の行が2回あります。最初の行を使いました")
YEAR_UNREADABLE = Template("cannot read the year {label!r}", "年度「{label}」を読めません")
NO_MONTH = Template("no month in {label!r}", "「{label}」に月がありません")
REPEATED_SECTION = Template(
    "section {key} appears {count} times; read as one", "{key}の見出しが{count}回あります。一つの節として読みました"
)
MISSING_TABLE = Template(
    "section {section}: no {table} table found; {kept} lines kept as text",
    "節 {section}: {table}の表が見つかりません。{kept}行を文章として残しました",
)
NUMBERED_ROW_AS_TEXT = Template(
    "section {section}: '{row}' kept as text: an indicator's numbered row that was not read as one",
    "節 {section}: 「{row}」を文章として残しました。指標の番号付きの行ですが、行として読まれていません",
)
DATED_TABLE = Template(
    "section {section}: {rows} rows that start with a year were read as a table not headed 年度 / 経過 / 委託:"
    " the converter cut the 取組の経緯 table apart, and they are kept as that table, not as events",
    "節 {section}: 年度で始まる{rows}行が、年度・経過・委託の見出しのない表として読まれました。"
    "変換で取組の経緯の表が分かれたため、出来事としてではなくその表として残しました",
)
ROWS_KEPT_AS_TEXT = Template(
    "section {section}: {rows} rows of the {table} table read and {kept} lines kept as text below it:"
    " the rest of the table was not read as rows",
    "節 {section}: {table}の表は{rows}行が読まれ、{kept}行が文章として残りました。表の残りは行として読まれていません",
)
DATES_UNREAD = Template(
    "section {section}: {count} date cells ({date!r} first) that no row read holds: those rows were lost,"
    " cut apart or read into other rows' cells",
    "節 {section}: どの行にも読まれなかった日付のセルが{count}個あります（最初は「{date}」）。"
    "その行が失われたか、切れたか、ほかの行のセルに読まれています",
)
MISSING_ROWS = Template(
    "section 1: the 基本情報 table has no row for {labels}: unknown (null)",
    "節 1: 基本情報の表に {labels} の行がありません。不明（null）としました",
)
UNPARSED_LINES = Template(
    "lines not read into any field: {count}, kept in unparsed",
    "どの項目にも読み込まれなかった行: {count}行。unparsed に残しました",
)
HEADER_IN_CELL = Template(
    "{what}: a cell holds the template's header {header!r}: the table was read out of its rows or columns",
    "{what}: セルに様式の見出し「{header}」が入っています。表の行か列がずれて読まれています",
)
LABEL_IN_NOTE = Template(
    "{what}: the note {text!r} holds the label of another row ({label}): the row was read out of its columns",
    "{what}: 注記「{text}」にほかの行の項目名（{label}）が入っています。行の列がずれて読まれています",
)
ONE_SIDED_SPLIT = Template(
    "{what}: of うち65歳未満 and うち65歳以上 one is read and the other not: the row was read out of its columns",
    "{what}: うち65歳未満とうち65歳以上の一方だけが読めました。行の列がずれて読まれています",
)
EVENT_IN_YEAR = Template(
    "{what} {text!r} holds more than its date and the row has nothing beside it: the row was read out of its columns",
    "{what}「{text}」に日付のほかの文が入り、隣のセルが空です。行の列がずれて読まれています",
)
TEXT_IN_YEAR = Template(
    "{what} {text!r} holds words of an event, not only its date: the row was read out of its columns",
    "{what}「{text}」に日付のほか出来事の文が入っています。行の列がずれて読まれています",
)
EVENT_CUT = Template(
    "{what} {text!r} ends inside a sentence: the rest of the event was read as a row of its own or into another",
    "{what}「{text}」が文の途中で終わっています。出来事の残りが別の行かほかのセルに読まれています",
)
SCHEDULE_DETAILS_LATE = Template(
    "annual schedule: the converter wrote the details' column rows late and fewer details than the rows without"
    " one; which rows they are cannot be told, the first of those rows were given them in order",
    "年間スケジュール: 変換で実施内容の列が数行遅れて書かれ、内容のない行より内容が少なくなっています。どの行の"
    "ものかは分からず、それらの行の初めから順に割り当てました",
)
SCHEDULE_RUN_ITEMS = Template(
    "annual schedule: the converter wrote a run of months together and more boxes after them than their items;"
    " which boxes are the items cannot be told, the first of them were taken in order",
    "年間スケジュール: 変換で複数の時期がまとめて書かれ、その後に実施内容より多くの枠があります。どれが実施内容かは"
    "分からず、初めの枠から順に割り当てました",
)
SCHEDULE_ACTIONS_AFTER = Template(
    "annual schedule: the converter wrote a band of rows' actions after their rows, fewer than the rows without"
    " any; which rows they are cannot be told, the last of those rows were given them in order",
    "年間スケジュール: 変換で数行の実施内容がそれらの行の後にまとめて書かれ、内容のない行より少なくなっています。"
    "どの行のものかは分からず、それらの行の終わりの方から順に割り当てました",
)
YEARS_APART = Template(
    "section 3: fiscal years were written together, apart from their events (the table has {years} years and "
    "{events} events): which events are each of those years' cannot be told, so each was given one event and the "
    "last of them the rest",
    "節 3: 年度が出来事と離れてまとめて書かれています（表は{years}年度・{events}件）。それらの年度の出来事が"
    "分からないため、各年度に1件ずつ、残りを最後の年度に割り当てました",
)
YEAR_IN_EVENT = Template(
    "{what} {text!r} starts with a fiscal year: the rows were read out of line",
    "{what}「{text}」が年度で始まっています。行がずれて読まれています",
)
YEARS_BACKWARDS = Template(
    "{what} {year!r} comes after fiscal year {previous}: the rows were read out of order",
    "{what}「{year}」が{previous}年度の後にあります。行の順がずれて読まれています",
)
SENTENCE_IN_VALUE = Template(
    "indicator {name!r}: {first} or {second} holds a sentence ({text!r}) and {effects} none: "
    "the row was read out of its columns",
    "指標「{name}」: {first}か{second}に文（「{text}」）があり、{effects}にはありません。行の列がずれて読まれています",
)
VALUES_IN_EFFECTS = Template(
    "indicator {name!r}: 目標値 and 実績値 are empty and 具体的な成果・効果 holds values ({text!r}): "
    "the row was read out of its columns",
    "指標「{name}」: 目標値と実績値が空で、具体的な成果・効果に値（「{text}」）があります。"
    "行の列がずれて読まれています",
)
NUMBER_IN_NAME = Template(
    "indicator {name!r}: the name holds an indicator's number: rows were read as one",
    "指標「{name}」: 指標名の中に指標の番号があります。複数の行が一つに読まれています",
)
VALUE_IN_NAME = Template(
    "indicator {name!r}: the name ends with a value: the row was read out of its columns",
    "指標「{name}」: 指標名が値で終わっています。行の列がずれて読まれています",
)
NUMBER_IN_TEXT = Template(
    "{what} {text!r} is a bare number: the row was read out of its columns",
    "{what}「{text}」が数字だけです。行の列がずれて読まれています",
)
ROW_AS_TEXT = Template(
    "{what}: an indicator's row {text!r} was read as text below the table, not as its row",
    "{what}: 指標の行「{text}」が表の行としてではなく、表の下の文として読まれました",
)
WIDER_THAN_HEADER = Template(
    "{what}: a row fills {count} cells under a header of {width}: the row was read out of its columns",
    "{what}: 見出しが{width}列の表で、行が{count}個のセルを埋めています。行の列がずれて読まれています",
)
FRAGMENT_CELL = Template(
    "{what} {text!r} is shorter than any the template's column holds ({least} characters or more):"
    " a piece of a cell the converter cut apart, read as a row or an item of its own",
    "{what}「{text}」は、様式のこの欄に書かれる文より短すぎます（{least}文字以上）。"
    "変換で切れたセルの一部が、行か項目として読まれています",
)
MARKS_ALONE = Template(
    "{what} {text!r} is list marks alone: an item's mark cut from its words by the converter",
    "{what}「{text}」は箇条書きの記号だけです。変換で項目の文から記号が切り離されています",
)
EMPTY_ITEM = Template(
    "{what} {label!r}: {item} is empty and {actions} holds {text!r}: the row's cells were read out of their columns",
    "{what}「{label}」: {item}が空で、{actions}に「{text}」があります。行のセルが列からずれて読まれています",
)
CUT_WORD = Template(
    "{what} {text!r} starts inside a word: a cell was cut apart or read into the next",
    "{what}「{text}」が語の途中から始まっています。セルが切れたか、隣のセルに読まれています",
)
CUT_END = Template(
    "{what} {text!r} ends on a particle: its words go on in another cell (a cell was cut apart)",
    "{what}「{text}」が助詞で終わっています。続きが別のセルに読まれています（セルが切れています）",
)
SENTENCE_CUT = Template(
    "{what} {text!r} holds a sentence that starts inside a word (after 。): pieces of two cells were run together",
    "{what}「{text}」に語の途中から始まる文（「。」の後）があります。二つのセルの断片がつながって読まれています",
)
BRACKET_UNPAIRED = Template(
    "{what} {text!r} holds a bracket that closes none or is never closed ({mark}): a cell was cut apart or"
    " read into another",
    "{what}「{text}」に対になっていない括弧（{mark}）があります。セルが切れたか、別のセルとつながって読まれています",
)
VOWEL_MARK_CUT = Template(
    "{what} {text!r} holds a long vowel mark after a kanji or a comma (`議ー、`), where no word has one: pieces of"
    " two cells were run together",
    "{what}「{text}」に漢字や読点の後の長音符（「議ー、」）があり、語になっていません。二つのセルの断片がつながって読まれています",
)
MARK_IN_EVENT = Template(
    "{what} {text!r} ends with {mark}, the mark of the 委託 column beside it: the row was read out of its columns",
    "{what}「{text}」の末尾に委託欄の記号「{mark}」があります。行の列がずれて読まれています",
)
MARK_INSIDE_EVENT = Template(
    "{what} {text!r} holds {mark}, the mark of the 委託 column beside it, with words after it: the next row's cells "
    "were read into it",
    "{what}「{text}」の途中に委託欄の記号「{mark}」があり、その後に語が続いています。次の行のセルが読み込まれています",
)
DATES_RUN_TOGETHER = Template(
    "{what} {text!r} holds two dates with nothing between them: two rows were read as one",
    "{what}「{text}」に二つの日付が続けて入っています。二つの行が一つに読まれています",
)
VALUES_RUN_TOGETHER = Template(
    "indicator {name!r}: 目標値 or 実績値 {text!r} holds two values with nothing between them: "
    "two cells were read as one",
    "指標「{name}」: 目標値か実績値「{text}」に二つの値が続けて入っています。二つの欄が一つに読まれています",
)
DATE_AT_END = Template(
    "{what} {text!r} ends with a date, the next row's date cell: the rows were read out of their lines",
    "{what}「{text}」の末尾に次の行の時期が入っています。行がずれて読まれています",
)
DATE_IN_ITEM = Template(
    "{what} {text!r} holds a date ({date!r}) run into its words, a date cell's: the rows were read out of their lines",
    "{what}「{text}」の文中に時期の欄の日付「{date}」が入っています。行がずれて読まれています",
)
MONTHS_BACKWARDS = Template(
    "{what} {month!r} comes after {previous}: the rows were read out of order",
    "{what}「{month}」が{previous}の後にあります。行の順がずれて読まれています",
)
BODY_AT_EVENT_END = Template(
    "{what} {text!r} ends with a body's name, a 委託 cell's: the cell beside it was read into the event",
    "{what}「{text}」の末尾が委託欄の機関名です。隣のセルが経過に読み込まれています",
)
COMMISSION_AS_EVENT = Template(
    "{what} {text!r} is a bracket alone, a 委託 cell's (`（直営）`): the row was read out of its columns",
    "{what}「{text}」は括弧だけの委託欄の語です。行の列がずれて読まれています",
)
BODY_IN_EVENT = Template(
    "{what} {text!r} is a body's kind, the 委託 column's first words: the row was read out of its columns",
    "{what}「{text}」は委託欄の法人の種別です。行の列がずれて読まれています",
)
COMMISSION_AS_ITS_OWN_EVENT = Template(
    "{what} {text!r} names a body and its places, a 委託 cell's, as an event of its own: the row was read out"
    " of its columns",
    "{what}「{text}」は委託欄の機関名とか所数で、独立した経過として読まれています。行の列がずれて読まれています",
)
EVENTS_IN_ONE = Template(
    "{what} {text!r} holds two events, one run into the other after {step!r}: rows were read as one",
    "{what}「{text}」に「{step}」の後に続けて二つの経過があります。複数の行が一つに読まれています",
)
NUMBERS_OUT_OF_ORDER = Template(
    "{what}: indicator number {number} comes after {previous}: the rows were read out of order",
    "{what}: 指標の番号{number}が{previous}の後にあります。行の順がずれて読まれています",
)
NUMBER_SKIPPED = Template(
    "{what}: indicator number {number} comes right after {previous}: the rows between were read into others",
    "{what}: 指標の番号{number}が{previous}のすぐ後にあります。間の行は他の行に読み込まれています",
)
NUMBER_MISSING = Template(
    "{what}: indicator {name!r} has no number among numbered ones: another row's wrapped lines were read as a row",
    "{what}: 指標「{name}」に番号がありません（他の指標には番号があります）。別の行の折り返しが行として読まれています",
)
EVENT_IN_COMMISSION = Template(
    "{what} {text!r} holds an event: the row was read out of its columns",
    "{what}「{text}」に経過の文が入っています。行の列がずれて読まれています",
)
NOT_A_FREQUENCY = Template(
    "council {name!r}: 開催頻度 {text!r} holds no frequency: the row was read out of its columns",
    "協議の場「{name}」: 開催頻度「{text}」は頻度ではありません。行の列がずれて読まれています",
)
FREQUENCIES = Template(
    "council {name!r}: 開催頻度 {text!r} holds {count} frequencies: councils were read as one",
    "協議の場「{name}」: 開催頻度「{text}」に頻度が{count}つあります。複数の協議の場が一つとして読まれています",
)
WORDS_AFTER_FREQUENCY = Template(
    "council {name!r}: 開催頻度 {text!r} holds words after its frequency: the row was read out of its columns",
    "協議の場「{name}」: 開催頻度「{text}」の頻度の後に文が続いています。行の列がずれて読まれています",
)
FREQUENCY_AMONG_MEMBERS = Template(
    "council {name!r}: 構成員 {text!r} holds a frequency ({found}): councils' cells were read as one",
    "協議の場「{name}」: 構成員「{text}」に開催頻度（{found}）が入っています。"
    "複数の協議の場のセルが一つとして読まれています",
)
ACTIVITY_CUT = Template(
    "council {name!r}: 実施内容 {text!r} ends inside a phrase: the rest was read into another cell",
    "協議の場「{name}」: 実施内容「{text}」が語句の途中で終わっています。残りがほかのセルに読まれています",
)
NAME_CUT = Template(
    "council {name!r}: the name is cut (too short, or ending inside a phrase): the rest was read into another cell",
    "協議の場「{name}」: 名称が途中で切れています（短すぎるか語句の途中で終わっています）。"
    "残りがほかのセルに読まれています",
)
ROLE_IN_CELL = Template(
    "issue {issue!r}: {text!r} ends with a role's word: the roles' rows were read into the issue or its policy",
    "課題「{issue}」: 「{text}」が役割の語で終わっています。役割の行が課題か取組方針に読まれています",
)
FREQUENCY_IN_MEMBERS = Template(
    "council {name!r}: 構成員 {text!r} is a frequency: the row was read out of its columns",
    "協議の場「{name}」: 構成員「{text}」は開催頻度です。行の列がずれて読まれています",
)
MEMBERS_CUT = Template(
    "council {name!r}: 構成員 {text!r} ends with a list's comma: the list was cut, its rest read elsewhere",
    "協議の場「{name}」: 構成員「{text}」が読点で終わっています。一覧が途中で切れ、残りは別の所に読まれています",
)
SECTOR_RUN_ON = Template(
    "sector {label}: {text!r} runs on after the cell's last sentence: the text below the table was read into it",
    "{label}の連携状況: 「{text}」がセルの最後の文の後に続いています。表の下の文が読み込まれています",
)
COLUMN_GAP = Template(
    "{what} {text!r} holds a laid-out text's gap between columns: two cells were read as one",
    "{what}「{text}」に列の間の空白があります。二つのセルが一つとして読まれています",
)
SECTORS_NOT_ALL = Template(
    "連携状況: {count} of the 4 sectors read ({missing} not found): the table was read out of its rows",
    "連携状況: 4分野のうち{count}分野しか読めません（{missing}がありません）。表の行がずれて読まれています",
)
FREQUENCY_IN_NAME = Template(
    "council {name!r}: its name holds a frequency: the row was read out of its columns",
    "協議の場「{name}」: 名称に開催頻度が含まれています。行の列がずれて読まれています",
)
ITEM_IN_NAME = Template(
    "council {name!r}: its name opens with a list's item: an activity was read into it",
    "協議の場「{name}」: 名称が箇条書きの項目で始まっています。実施内容が読み込まれています",
)
TWO_NAMES = Template(
    "council {name!r}: its name holds two councils' names ({first!r}, then {second!r}): two rows were read as one",
    "協議の場「{name}」: 名称に二つの協議の場の名称（「{first}」「{second}」）があります。"
    "二つの行が一つとして読まれています",
)
COUNCIL_WITHOUT_NAME = Template(
    "a council with 構成員 {members!r} has no name: its row was read together with another's",
    "構成員「{members}」の協議の場に名称がありません。行が別の行と合わせて読まれています",
)
COMMA_IN_NAME = Template(
    "council {name!r}: its name holds a comma outside brackets: another cell was read into it",
    "協議の場「{name}」: 名称の括弧の外に読点があります。ほかのセルが読み込まれています",
)
LIST_IN_NAME = Template(
    "council {name!r}: its name is a list ({count} commas): the 構成員 cell was read into it",
    "協議の場「{name}」: 名称が一覧になっています（読点{count}つ）。構成員のセルが読み込まれています",
)
SENTENCE_IN_NAME = Template(
    "council {name!r}: its name holds a sentence's words ({words!r}): another cell was read into it",
    "協議の場「{name}」: 名称に文の語（{words}）があります。他のセルが読み込まれています",
)
FREQUENCIES_IN_CELLS = Template(
    "council {name!r}: its 実施内容 and 特記事項 hold {count} frequencies ({text}): other councils' cells were "
    "read into the row",
    "協議の場「{name}」: 実施内容・特記事項に開催頻度が{count}つあります（{text}）。"
    "他の協議の場のセルが行に読み込まれています",
)
FREQUENCY_IN_CELL = Template(
    "council {name!r}: its {column} holds a frequency ({word}) run into the words around it: the row was read "
    "out of its columns",
    "協議の場「{name}」: {column}の語の間に開催頻度（{word}）があります。行の列がずれて読まれています",
)
FREQUENCY_PIECE = Template(
    "council {name!r}: its {column} holds a frequency's unit with no count before it ({text!r}): the frequency,"
    " wrapped by its column, was read into the cell and the row out of its rows",
    "協議の場「{name}」: {column}に回数のない開催頻度の単位（{text}）があります。"
    "折り返された開催頻度がセルに読まれ、行がずれています",
)
STATISTICS_COLUMN_SHORT = Template(
    "基本情報: the converter wrote the values' column with fewer numbers than rows; which rows are empty cannot"
    " be told, the numbers are read in order",
    "基本情報: 変換で値の列の数字が行より少なく書かれています。どの行が空欄かは分からず、数字は順に読みました",
)
COUNCIL_CELLS_AS_TEXT = Template(
    "協議の場: {count} councils read; activities and notes the converter ran together are kept as text",
    "協議の場: {count} 件を読みました。変換で混ざった実施内容・特記事項等は文章として残しました",
)
COUNCIL_NOTES_AS_TEXT = Template(
    "協議の場: {count} councils read; notes, or a cell's last lines, written in boxes of their own, whose council"
    " the text does not tell, are kept as text",
    "協議の場: {count} 件を読みました。どの協議の場のものか分からない特記事項等やセルの末尾の行は文章として残しました",
)
COUNCIL_CELLS_INTERLEAVED = Template(
    "協議の場: the converter wrote the table's cells interleaved line by line, and they could not be told"
    " apart; the councils read from them may mix their cells",
    "協議の場: 変換で表のセルが行ごとに混ざって書かれ、切り分けられませんでした。"
    "読んだ協議の場はセルが混ざっている可能性があります",
)
COUNCIL_COLUMNS_AS_TEXT = Template(
    "協議の場: {count} councils read; the {columns} cells written out of the rows' order are kept as text",
    "協議の場: {count} 件を読みました。変換で行の順が崩れた{columns}のセルは文章として残しました",
)
COUNCIL_CELLS_PLACED_BY_NAMES = Template(
    "協議の場: the {column} cells were given to the councils whose names the converter wrote before them; by the"
    " frequencies written before them they are other councils': which is right, the text does not tell",
    "協議の場: {column}のセルは、変換で直前に書かれた名称の協議の場に入れました。直前の開催頻度からは別の協議の場"
    "のものと読めます。どちらが正しいかは文章から分かりません",
)
COUNCIL_PIECES_AS_TEXT = Template(
    "協議の場: {count} councils read; {lines} lines no cell could be given are kept as text: a council's cells "
    "may be short of them",
    "協議の場: {count} 件を読みました。どのセルのものか分からない {lines} 行は文章として残しました。"
    "協議の場のセルが欠けているかもしれません",
)
COLUMN_AS_TEXT = Template(
    "the column '{column}' was written after the table's rows: its cells are kept as text below the table",
    "列「{column}」が表の行の後に書かれています。その列のセルは表の下に文章として残しました",
)
SHORT_COLUMN_AS_TEXT = Template(
    "the column '{column}' was written apart with {cells} cells for {rows} rows: which row each is cannot be "
    "told, so its cells are kept as text below the table",
    "列「{column}」が{rows}行に対して{cells}セルで別に書かれています。各セルの行が分からないため、表の下に"
    "文章として残しました",
)
MONTHS_ONLY = Template(
    "the schedule was written a column at a time with cells left empty: {placed} of its {rows} months have their"
    " item read, and the other items and details, whose months cannot be told, are kept as text below the table",
    "スケジュールが列ごとに書かれ、空欄があります。{rows}か月のうち{placed}か月の項目を読み、月が分からない項目と"
    "内容は表の下に文章として残しました",
)
CELLS_IN_NO_ORDER = Template(
    "indicator {name!r}: the converter wrote its cells in no order: they are kept as text below the table",
    "指標「{name}」: 変換でセルの順序が崩れています。セルは表の下に文章として残しました",
)
LONE_VALUE = Template(
    "indicator {name!r}: one of its 目標値 and 実績値 is empty and which one the converter's text does not"
    " tell: its value is kept as text below the table",
    "指標「{name}」: 目標値と実績値の一方が空欄で、どちらが空欄か変換後の文字からは分かりません。値は表の下に"
    "文章として残しました",
)
VALUE_LATE = Template(
    "indicator {name!r}: one of its 目標値 and 実績値 was written after a later row's cells, and which is which the"
    " converter's text does not tell: both are kept as text below the table",
    "指標「{name}」: 目標値と実績値の一方が後の行の後に書かれ、どちらがどちらか変換後の文字からは分かりません。"
    "両方を表の下に文章として残しました",
)
EFFECTS_APART = Template(
    "section {section}: the indicators' effects were written after the table's rows, cut in no way that tells "
    "each row's: they are kept as text below the table",
    "節 {section}: 指標の成果・効果が表の行の後にまとめて書かれ、どの行のものか分かりません。"
    "表の下に文章として残しました",
)
HEADER_ONLY = Template(
    "section {section}: no {table} rows read, only the table's header (its rows were written in no order); "
    "{kept} lines kept as text below it",
    "節 {section}: {table}の表の行を読めませんでした。見出しだけを読み、行の順序が崩れているため{kept}行を文章として"
    "残しました",
)
ISSUE_SPLIT = Template(
    "issue {issue!r}: its roles start after 行政, where the issue above has none: a row of the issue above "
    "was read as a new issue",
    "課題「{issue}」: 役割が行政より後から始まり、上の課題にはその役割がありません。上の課題の行が新しい課題として"
    "読まれています",
)
ADMINISTRATION_EMPTY = Template(
    "issue {issue!r}: its {role} role is empty while its other roles are filled: no sheet leaves the body's own"
    " role empty, so the roles' cells were read out of their rows",
    "課題「{issue}」: {role}の役割が空で、ほかの役割は埋まっています。自治体自身の役割を空にするシートはなく、"
    "役割のセルが行からずれて読まれています",
)
ISSUE_AS_LIST = Template(
    "issue {issue!r} is a list of {count} items: no sheet's issue is one, the policies beside it were read as "
    "the issue",
    "課題「{issue}」が{count}項目の箇条書きです。課題が箇条書きのシートはなく、横の取組方針が課題として読まれています",
)
ISSUE_WITHOUT_POLICY = Template(
    "issue {issue!r} has no 取組方針 where the other issues have one: the issues' cells were read out of their rows",
    "課題「{issue}」に取組方針がなく、他の課題にはあります。課題の表のセルが行からずれて読まれています",
)
ROLE_WORDS_OUT_OF_ORDER = Template(
    "section 5: the roles' words (行政, 医療, 福祉, その他関係機関・住民等) of the issues' table are not found "
    "four to each issue, in order, above the indicators' header: the converter wrote the table's cells out of "
    "their rows, and its issues, policies and roles may be read into the wrong rows",
    "節 5: 課題の表の役割（行政・医療・福祉・その他関係機関・住民等）が、指標の見出しより上に課題ごとに4つ順に"
    "見つかりません。変換ソフトが表のセルを行の外に書いており、課題・方針・役割が別の行に読まれている"
    "おそれがあります",
)
ROLE_HOLDS_CELLS = Template(
    "section 5: the lines after {role!r} hold {count} cells, not its action alone: the converter wrote the "
    "issues' table's cells out of their rows, and its issues, policies and roles may be read into the wrong rows",
    "節 5: 「{role}」の後の行に取組だけでなく{count}個のセルがあります。変換ソフトが課題の表のセルを行の外に"
    "書いており、課題・方針・役割が別の行に読まれているおそれがあります",
)
ROLES_AMONG_LINES = Template(
    "section 5: the role's word {role!r} stands among the lines of a cell beside it (the issue's or the "
    "policy's): the converter wrote the issues' table's cells out of their rows, and which role each action "
    "after them belongs to is not in the text",
    "節 5: 役割「{role}」が隣のセル（課題または方針）の行の間にあります。変換ソフトが課題の表のセルを行の外に"
    "書いており、その後の取組がどの役割のものかは本文からは分かりません",
)
ISSUE_LINES_DEALT = Template(
    "issue {issue!r}: {count} lines of its policy and its roles' work stand outside the table's cells, "
    "side by side: they were dealt to the two columns by their widths, and a line either could go on with "
    "by the order of the columns' lines; which column each belongs to is not sure",
    "課題「{issue}」: 方針と役割の取組の{count}行が表のセルの外に並んで書かれています。行の幅から2つの列に"
    "振り分け、どちらの続きにもなりうる行は列の行の順から決めました。どの列の行かは確かではありません",
)
ROLE_RUN_ON = Template(
    "issue {issue!r}: a role's action of {count} characters, longer than any sheet writes: other rows' cells "
    "were read into it",
    "課題「{issue}」: 役割の取組が{count}文字あり、どの様式よりも長すぎます。他の行のセルが読み込まれています",
)
ISSUE_CELLS_AS_TEXT = Template(
    "section 5: the issues' table was written with its header's cells apart, its issues and policies between "
    "them and its {count} boxes in an order of their own: which issue, policy or role each box is of is not in "
    "the text, so they are kept as text below the table's header",
    "節 5: 課題の表の見出しが離れて書かれ、その間に課題と取組方針が、{count}個の枠が別の順序で書かれています。"
    "各枠がどの課題・取組方針・役割のものかは本文からは分からないため、見出しの下に文章として残しました",
)
ISSUE_ACTIONS_AS_TEXT = Template(
    "section 5: the issues' table was written with its {issues} issues and policies first, then the roles' words "
    "and {count} actions in an order of their own: which role each action is of is not in the text, so the "
    "actions are kept as text below the table",
    "節 5: 課題の表が{issues}件の課題と取組方針を先に、役割と{count}件の取組を別の順序で書かれています。"
    "各取組がどの役割のものかは本文からは分からないため、取組は表の下に文章として残しました",
)
ROLES_PAIRED = Template(
    "issues: the roles {first} and {second} were written in one cell beside one action; it was read as the "
    "first one's, the second's left empty (which role it is, is not in the text)",
    "強みと課題: 役割「{first}」と「{second}」が一つのセルに書かれ、取組は一つでした。前者の取組とし、"
    "後者は空としました（どちらの取組かは本文からは分かりません）",
)
VALUES_APART = Template(
    "indicator {name!r}: its {first} and its {second} stand on printed lines of their own, neither level "
    "with the other, so which is which is not in the text; they were read in the order the columns' widths "
    "give, which may be the wrong way round",
    "指標「{name}」: {first}と{second}が互いに別の行に書かれており、どちらがどちらか本文からは分かりません。"
    "列の幅から読みましたが、逆かもしれません",
)
VALUES_APART_LONGER = Template(
    "indicator {name!r}: its {first} and its {second} stand on printed lines of their own, neither level "
    "with the other, so which is which is not in the text; the longer was read as the {second} (as most "
    "sheets write it), which may be the wrong way round",
    "指標「{name}」: {first}と{second}が互いに別の行に書かれており、どちらがどちらか本文からは分かりません。"
    "長い方を{second}と読みました（多くのシートの書き方）が、逆かもしれません",
)
ITEMS_SHARED = Template(
    "long-term plan: {count} items written after its {rows} rows were shared among them in order; where "
    "one row's list ends is not in the text",
    "長期スケジュール: 行の後に書かれた{count}項目を{rows}行に順に分けました。"
    "各行の箇条の区切りは本文からは分かりません",
)
OWN_TABLE_NOT_READ = Template(
    "section 3: the lines from '{first}' on look like a table of the sheet's own (a header of short cells, then "
    "rows) that could not be cut into its rows; {count} lines kept as text",
    "3 取組の経緯: 「{first}」からの行は独自の表（短い見出しのセルと行）のようですが、行に切り分けられませんでした。"
    "{count} 行を文章として残しました",
)
ROWS_NOT_FOUND = Template(
    "the rows under the header '{header}' were not found: its lines are read as text",
    "見出し行「{header}」の下の行が見つかりません。文章として読みました",
)
TRUNCATED = Template(
    "the file ends in the middle of a character: it looks cut off; the incomplete character was dropped",
    "ファイルが文字の途中で終わっています。途中で切れたようです。欠けた文字は除きました",
)
CONTROL_CHARACTERS = Template(
    "{count} control characters ({kinds}) dropped: a converter left them in the text",
    "制御文字 {count} 個（{kinds}）を除きました。変換ソフトが残したものです",
)
FOLDED = Template(
    "{count} look-alike characters folded back ({examples})",
    "似た形の文字 {count} 個を元の文字に戻しました（{examples}）",
)
CONVERTER_SPACES = Template(
    "{count} spaces a PDF renderer put between Japanese and Western characters removed ({example})",
    "PDF の描画で和文と欧文の間に入った空白 {count} 個を除きました（{example}）",
)

TEMPLATES: tuple[Template, ...] = tuple(v for v in dict(globals()).values() if isinstance(v, Template))


# ---------------------------------------------------------------- reading a message back


def _pattern(template: Template) -> tuple[re.Pattern[str], frozenset[str]]:
    """The English text as a regular expression with a group per field, and the fields written `!r`."""
    import string  # here and in `_patterns`: the parser, which imports this module, never reads a message back

    parts, quoted = [], set()
    seen: set[str] = set()
    for literal, name, _, conversion in string.Formatter().parse(template.en):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in seen:  # a field written twice: the same text again
            parts.append(f"(?P={name})")
            continue
        seen.add(name)
        if conversion == "r":
            quoted.add(name)
            parts.append(rf"(?P<{name}>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")
        else:
            parts.append(rf"(?P<{name}>.+?)")
    return re.compile("".join(parts) + r"\Z", re.DOTALL), frozenset(quoted)


@functools.cache  # made when a message is first read back (validate), not when the parser is imported
def _patterns() -> list[tuple[Template, re.Pattern[str], frozenset[str]]]:
    """Every template's pattern, the longest literal text first: `{what}: 有・無 is empty` before
    `{what} is empty`."""
    import string

    longest_first = sorted(TEMPLATES, key=lambda t: -sum(len(p[0]) for p in string.Formatter().parse(t.en)))
    return [(t, *_pattern(t)) for t in longest_first]


def _unquote(value: str) -> str:
    """The text a `repr` of it shows: `'有・無'` → 有・無."""
    if "\\" not in value:
        return value[1:-1]
    import ast

    return str(ast.literal_eval(value))


@functools.lru_cache(maxsize=4096)  # the same messages come back sheet after sheet
def read(text: str) -> Message | str:
    """A diagnostic's English message as its template with fields; the text itself when none fits."""
    for template, pattern, quoted in _patterns():
        m = pattern.match(text)
        if m is None:
            continue
        fields: dict[str, object] = {}
        for name, value in m.groupdict().items():
            fields[name] = _unquote(value) if name in quoted else value
        return template(**fields)
    return text


# ---------------------------------------------------------------- each code explained


class Explained(NamedTuple):
    """A parser diagnostic explained: its summary in Japanese, why it matters and what to do."""

    summary_ja: str
    why: Template
    fix: Template


_ABOUT: dict[Diagnostic, Explained] = {
    Diagnostic.AMBIGUOUS_CHOICE: Explained(
        "有・無の両方に印があるように見えます。回答は不明として扱います。",
        Template(
            "A choice answered both ways cannot be counted: tables of all bodies leave it out.",
            "両方に印のある回答は集計できず、全自治体の一覧表から抜け落ちます。",
        ),
        Template(
            "Keep the mark on one option only: (有) or (無).",
            "「有」か「無」の一方だけに印を付けてください。",
        ),
    ),
    Diagnostic.APPROXIMATE_VALUE: Explained(
        "概数（約）で書かれた数です。書かれたとおりに読みます。",
        Template(
            "An approximate number is compared with exact ones as if it were exact.",
            "概数も正確な数と同じように比べられてしまいます。",
        ),
        Template(
            "Write the exact figure if it is known, without 約.", "分かるなら「約」を付けずに正確な数を書いてください。"
        ),
    ),
    Diagnostic.CONTROL_CHARACTERS: Explained(
        "変換ソフトが残した NUL などの制御文字です。除いて残りを読みます。",
        Template(
            "A value the characters sat in may read differently from what the author wrote.",
            "制御文字が入っていた値は、書いた人の意図と違って読まれることがあります。",
        ),
        Template(
            "Save the sheet again as plain text, or check the values on the lines named.",
            "シートをテキストとして保存し直すか、示された行の値を確かめてください。",
        ),
    ),
    Diagnostic.DUPLICATE_ROW: Explained(
        "基本情報の同じ行が2回あります。最初の行を使います。",
        Template("The second row's value is not read at all.", "2回目の行の値は読まれません。"),
        Template(
            "Delete one of the two rows, keeping the right value.", "正しい値の行を残し、もう一方を削除してください。"
        ),
    ),
    Diagnostic.FOLDED_CHARACTERS: Explained(
        "変換ソフトが元の文字の代わりに入れた似た形の文字（人 の代わりの ⼈ など）です。元に戻します。",
        Template(
            "Look-alike characters break searches and comparisons; nothing is lost once folded back.",
            "似た形の文字は検索や比較を妨げます。元に戻したので内容は失われていません。",
        ),
        Template(
            "Nothing to do: the values are read with the right characters.",
            "対応は不要です。正しい文字で読んでいます。",
        ),
    ),
    Diagnostic.CONVERTER_SPACES: Explained(
        "PDF の描画で和文と欧文・数字の間に空いた隙間を、変換ソフトが空白として書いたものです。除きます。",
        Template(
            "Such spaces split a value from its unit or era (R6 年 4 月); nothing is lost once they are removed.",
            "こうした空白は値と単位や元号を分けてしまいます（R6 年 4 月）。除いても内容は失われません。",
        ),
        Template(
            "Nothing to do: the values are read without the spaces.",
            "対応は不要です。空白を除いて読んでいます。",
        ),
    ),
    Diagnostic.EMPTY_ROW: Explained(
        "何も記入されていない表の行です。",
        Template("An empty row is an unused slot, not content.", "空の行は使われていない枠で、内容ではありません。"),
        Template("Fill the row in, or delete it.", "行に記入するか、削除してください。"),
    ),
    Diagnostic.GUIDANCE_ROW: Explained(
        "様式の記入例・注意書きだけの表の行です。内容ではありません。",
        Template(
            "The template's guidance would otherwise be read as the body's own answer.",
            "様式の注意書きが、自治体自身の回答として読まれてしまいます。",
        ),
        Template("Delete the row, or write the indicator in it.", "その行を削除するか、指標を記入してください。"),
    ),
    Diagnostic.MISSING_TABLE: Explained(
        "節の表を表として読めませんでした。その行は文章または未解析として残します。",
        Template(
            "The section's rows are not in the document's fields, so tables of all bodies miss them.",
            "節の内容が項目に入らないため、全自治体の一覧表から抜け落ちます。",
        ),
        Template(
            "Keep the template's table (a row per line, cells separated by tabs), or report the layout.",
            "様式の表の形（1行に1行、セルはタブ区切り）を保つか、この形式を報告してください。",
        ),
    ),
    Diagnostic.MISSING_ROW: Explained(
        "基本情報の表のほかの行は読めましたが、この統計の行が見つかりませんでした。値は不明（null）になります。",
        Template(
            "The statistic is missing from every table of all bodies, as if the sheet had left it out.",
            "その統計は、シートが書かなかったのと同じく、全自治体の一覧表で欠けになります。",
        ),
        Template(
            "Add the template's row; if it is there, look at how the converter wrote it (unparsed).",
            "様式の行を加えてください。行があるなら、変換ソフトがどう書いたかを確かめてください（unparsed）。",
        ),
    ),
    Diagnostic.MISSING_VALUE: Explained(
        "様式が求めるセルが空欄です。値は不明（null）になります。",
        Template(
            "An empty cell is an unknown value, never a zero.", "空欄は不明な値として扱われ、0 とはみなされません。"
        ),
        Template(
            "Fill the cell in; write 0 or なし if there are none.",
            "セルに記入してください。該当がなければ 0 か「なし」と書いてください。",
        ),
    ),
    Diagnostic.PLACEHOLDER: Explained(
        "様式のひな形（R●年度、○○ など）が記入されないまま残っています。",
        Template(
            "A placeholder is not an answer: the value is unknown.", "ひな形は回答ではないため、値は不明になります。"
        ),
        Template(
            "Replace the placeholder with the real value (R6年度, the name).",
            "ひな形を実際の値（R6年度、名称など）に置き換えてください。",
        ),
    ),
    Diagnostic.REPEATED_SECTION: Explained(
        "同じ節の見出しが2回あります。まとめて一つの節として読みます。",
        Template(
            "Two headings of one section usually mean a part pasted twice.",
            "同じ節の見出しが二つあるのは、貼り付けの重複であることが多いです。",
        ),
        Template(
            "Keep one heading, and put the section's parts under it.",
            "見出しを一つにして、節の内容をその下にまとめてください。",
        ),
    ),
    Diagnostic.TEMPLATE_GUIDANCE: Explained(
        "様式の記入例・注意書きがシートに残っています。様式の文として扱います。",
        Template(
            "Guidance text is not content; it is kept apart from the answers.",
            "注意書きは内容ではないため、回答とは分けて扱います。",
        ),
        Template(
            "Nothing to do; delete the guidance if you like.", "対応は不要です。注意書きは削除してもかまいません。"
        ),
    ),
    Diagnostic.TRUNCATED_FILE: Explained(
        "ファイルが文字の途中で終わっています。その文字を除いて読みます。",
        Template("Text at the end of the file may be missing.", "ファイルの末尾の文章が欠けているかもしれません。"),
        Template("Copy or save the file again, whole.", "ファイルをもう一度、完全な形でコピーまたは保存してください。"),
    ),
    Diagnostic.UNEXPECTED_ROW: Explained(
        "基本情報の項目に、様式にない行があります。",
        Template("The extra row's value is not read.", "余分な行の値は読まれません。"),
        Template(
            "Put the value in the template's own row, and delete the extra one.",
            "値を様式の行に書き、余分な行を削除してください。",
        ),
    ),
    Diagnostic.SHIFTED_CELL: Explained(
        "セルに、ほかの列や行のもの（様式の見出し、年度のセルの経過、開催頻度でない文）が入っています。"
        "表の行か列がずれて読まれており、その行の値は疑わしいものです。",
        Template(
            "Values paired with the wrong row or column pass into the data as if they were right.",
            "違う行や列と組になった値が、正しい値のようにデータに入ります。",
        ),
        Template(
            "Read the PDF or DOCX itself, or convert with another tool (see docs/reading.md); else correct the row.",
            "PDF か DOCX を直接読むか、別の変換ソフトを使ってください（docs/reading.md）。または行を直してください。",
        ),
    ),
    Diagnostic.UNKNOWN_SECTOR: Explained(
        "保健・医療・福祉・その他のいずれでもない分野名です。その他として読みます。",
        Template(
            "The sector's row is counted under その他, which may not be meant.",
            "その分野の行が「その他」に数えられてしまいます。",
        ),
        Template(
            "Use the template's sector names: 保健, 医療, 福祉, その他関係機関・住民等.",
            "様式の分野名（保健、医療、福祉、その他関係機関・住民等）を使ってください。",
        ),
    ),
    Diagnostic.UNMARKED_CHOICE: Explained(
        "有・無のどちらにも印がありません。回答は不明（null）になります。",
        Template("An unmarked choice is an unknown answer.", "印のない選択肢は、回答不明として扱われます。"),
        Template("Mark one option: (有) or (無).", "「有」か「無」のどちらかに印を付けてください。"),
    ),
    Diagnostic.UNPARSED_LINES: Explained(
        "内容の行のうち、どの項目にも入らなかったものがあります。unparsed に行番号とともに残しています。",
        Template(
            "Content no field took is missing from the data and from every table built from it.",
            "どの項目にも入らなかった内容は、データにも、そこから作る一覧表にも入りません。",
        ),
        Template(
            "Look at each line in unparsed: put it in the template's row or table, or report the layout.",
            "unparsed の各行を確かめ、様式の行や表に入れるか、この形式を報告してください。",
        ),
    ),
    Diagnostic.UNREADABLE_VALUE: Explained(
        "数や日付であるはずの値を、そのように読めません。",
        Template(
            "A value that cannot be read is unknown (null) in the data.",
            "読めない値は、データでは不明（null）になります。",
        ),
        Template(
            "Write the value as a number or date: 1,234, R5年4月1日.",
            "値を数や日付として書いてください（1,234、R5年4月1日 など）。",
        ),
    ),
}


def explained(code: Diagnostic) -> Explained:
    return _ABOUT[code]


__all__ = ["TEMPLATES", "Explained", "explained", "read"]
