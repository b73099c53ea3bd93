"""Tables whose cells LibreOffice centres in their rows, written a printed line at a time (pdfplumber)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAMPLES, apply_form, form_state
from nikosheet.parsing.forms import centred_pipes, centred_rows, signals

CONVERTERS = FIXTURES / "converters"

# kashiwa-r6's councils as pdfplumber reads its LibreOffice PDF: the header's 開催頻度 wrapped round
# the other cells, the short cells of a row between the lines of its tallest (the page's width:
# the lines after it)
_COUNCILS = (
    "開催\n"
    "名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)\n"
    "頻度\n"
    "柏市精神障害にも対応した地域 保健, 医療, 福祉, 家族会, ピア 事業・取組み\n"
    "年1 市民, 市民関係団体, 民生委員等\n"
    "包括ケアシステム構築推進事業 サポーター, 行政機関の代表 報告方針等の\n"
    "回 の参画が望まれる\n"
    "(代表者会議) 者 決定\n"
    "医療機関, 基幹相談センター, 年6 事業内容の調\n"
    "同事業(コア会議)\n"
    "事務局, 行政の担当者 回 整, 方針確認\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
    "い\n"
    "・重層的支援整備事業や自立支援協議会等, 市内で多数の会議体があるが, 連携が図れていない。参加委員は重複してい"
)


def _apply(text: str) -> list[str | None]:
    return apply_form(centred_rows, text)


def test_a_row_is_the_span_its_frequency_stands_in_the_middle_of():
    out = _apply(_COUNCILS)
    assert out[0] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert out[3] == (
        "柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)\t"
        "保健, 医療, 福祉, 家族会, ピアサポーター, 行政機関の代表者\t年1回\t事業・取組み報告方針等の決定\t"
        "市民, 市民関係団体, 民生委員等の参画が望まれる"
    )
    # a frequency kept with the comma's word before it; the name, alone on its line, is no list
    assert out[8] == (
        "同事業(コア会議)\t医療機関, 基幹相談センター, 事務局, 行政の担当者\t年6回\t事業内容の調整, 方針確認\t"
    )
    assert [i for i, line in enumerate(out) if line is None] == [1, 2, 4, 5, 6, 7, 9]
    assert out[10] == ""  # a blank line ends the table
    assert out[11].startswith("【その他事項】")


def test_a_header_set_at_its_top_is_not_this_form():
    text = "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・強み\n等)\n同事業 保健 年6回 協議 なし"
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_has_no_signal_and_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert not signals.centred_rows(text)
    assert not signals.centred_pipes(text)
    assert _apply(text) == text.split("\n")


def _parse(path):
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_libreoffice_pdfs_pdfplumber_text_reads_its_councils_and_schedules(parsed):
    truth = parsed("kawaguchi-r5.txt")
    doc = _parse(CONVERTERS / "kawaguchi-r5--lopdf-pdfplumber.txt")
    fields = ("name", "members", "frequency", "activities", "notes")
    assert [[m[f] for f in fields] for m in doc["councils"]["meetings"]] == [
        [m[f] for f in fields] for m in truth["councils"]["meetings"]
    ]
    fields = ("label", "month", "item", "actions")
    assert [[i[f] for f in fields] for i in doc["annual_schedule"]["items"]] == [
        [i[f] for f in fields] for i in truth["annual_schedule"]["items"]
    ]
    fields = ("sector", "status", "strengths_and_issues")
    assert [[s[f] for f in fields] for s in doc["coordination"]["sectors"]] == [
        [s[f] for f in fields] for s in truth["coordination"]["sectors"]
    ]


def test_an_indicators_number_leads_its_name_which_is_centred_in_its_row(parsed):
    truth = parsed("pref-fy2024.txt")["strengths_and_issues"]["indicators"]
    doc = _parse(CONVERTERS / "pref-fy2024--lopdf-pdfplumber.txt")["strengths_and_issues"]["indicators"]
    assert [{**i, "line": 0} for i in doc] == [{**i, "line": 0} for i in truth]


def test_markitdowns_pipe_rows_of_a_libreoffice_pdf_are_its_printed_lines():
    text = (
        "\uf0b7 取組\n開催\n|     | 名称  | 協議の場の構成員 | 実施内容 | 特記事項等(課題・強み等) |\n"
        "| --- | --- | -------- | ---- | ------------- |\n頻度\n|   |   |"
    )
    state = form_state(centred_pipes, text)
    assert state.lines[2:] == ["名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)", None, "頻度", None]
    assert signals.centred_rows(state.source)  # the later forms see the printed lines


def test_a_libreoffice_pdfs_markitdown_text_reads_its_councils(parsed):
    truth = parsed("kashiwa-r6.txt")
    doc = _parse(CONVERTERS / "kashiwa-r6--lopdf-markitdown.txt")
    fields = ("name", "members", "frequency", "activities", "notes")
    assert [[m[f] for f in fields] for m in doc["councils"]["meetings"]] == [
        [m[f] for f in fields] for m in truth["councils"]["meetings"]
    ]
