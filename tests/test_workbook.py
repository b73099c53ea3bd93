"""`table -o data.xlsx`: every table as a worksheet holding an Excel table, read back with openpyxl and
LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from batch_corpus import invoke
from conftest import SAMPLES

openpyxl = pytest.importorskip("openpyxl")

KAW = SAMPLES / "kawaguchi-r5.txt"
KAS = SAMPLES / "kashiwa-r6.txt"
SOFFICE = Path("/usr/bin/soffice")
CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # LibreOffice's spreadsheet, a package of its own


def _libreoffice_calc() -> str | None:
    """Why LibreOffice cannot be tried here, or None when it can."""
    if not SOFFICE.exists():
        return "LibreOffice (/usr/bin/soffice) is not installed"
    if not CALC.exists():
        return "LibreOffice is installed without Calc (libreoffice-calc), which reads workbooks"
    return None


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "data.xlsx"
    r = invoke("table", KAW, KAS, "-o", out, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    return out


def _records(sheet) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_worksheets_tables_headers_and_frozen_rows(workbook):
    from nikosheet.output.entities import ENTITIES, column_names

    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == list(ENTITIES)
    for name in ENTITIES:
        sheet = book[name]
        assert [c.value for c in sheet[1]] == column_names(name), name
        assert sheet.freeze_panes == "A2"
        (table,) = sheet.tables.values()
        assert table.name == name and table.ref.startswith("A1:")
        assert [c.name for c in table.tableColumns] == column_names(name)


def test_values_keep_their_types(workbook):
    book = openpyxl.load_workbook(workbook)
    sheets = _records(book["sheets"])
    kawaguchi = next(r for r in sheets if r["municipality"] == "川口市")
    assert kawaguchi["population"] == 604894 and isinstance(kawaguchi["population"], int)
    assert kawaguchi["inpatients_over_1_year_percent"] == 54.4
    assert kawaguchi["population_as_of"] == "2023-04"  # text, not a date
    assert kawaguchi["discharge_rates_as_of"] == "2017"  # text, not a number
    assert kawaguchi["support_council_mental_health_subcommittee"] is None  # unknown: an empty cell
    assert kawaguchi["sheet_id"] == "b6fddf15ffcb2167"
    kashiwa = next(r for r in sheets if r["municipality"] == "柏市")
    assert kashiwa["support_council_mental_health_subcommittee"] is True
    month = book["schedule"]["G2"]  # the first month of the schedule
    assert book["schedule"]["G1"].value == "month"
    assert month.data_type == "s" and month.value in ("2024-05", "2023-05")
    councils = _records(book["councils"])
    assert [(c["name"], c["meetings_per_year"]) for c in councils if c["municipality"] == "川口市"] == [
        ("川口市における精神障害にも対応した地域包括ケアシステム構築のための協議の場", 2),
        ("事務局会議", 6),
        ("委員ヒアリング", 4),
    ]


def test_columns_fit_japanese_text(workbook):
    from nikosheet.output.workbook import MAX_WIDTH, display_width

    assert display_width("川口市") == 6 and display_width("2023-04") == 7
    assert display_width("地域課題の抽出\n協議の場の準備") == 14
    book = openpyxl.load_workbook(workbook)
    widths = book["councils"].column_dimensions
    name, municipality, line = widths["E"].width, widths["B"].width, widths["L"].width
    names = [r["name"] for r in _records(book["departments"])]
    # the widest department name, its Japanese characters counted as 2, and 2 for the filter button
    assert book["departments"].column_dimensions["F"].width == pytest.approx(max(map(display_width, names)) + 2, abs=1)
    assert max(map(display_width, names)) > max(map(len, names)) + 5
    # Excel's width in characters, written with a cell's margins (under 1 more)
    assert name == pytest.approx(MAX_WIDTH, abs=1)  # the long council names are cut at the widest column
    assert municipality == pytest.approx(len("municipality") + 2, abs=1)  # its header is wider than 川口市
    assert line < 10
    assert book["councils"]["I4"].alignment.wrap_text  # activities: several lines


def test_every_table_covers_its_header_and_rows(workbook):
    from nikosheet.output.entities import ENTITIES, column_names
    from nikosheet.output.xlsx import column_letter

    book = openpyxl.load_workbook(workbook)
    for name in ENTITIES:
        sheet = book[name]
        (table,) = sheet.tables.values()
        last = column_letter(len(column_names(name)) - 1)
        rows = max(len(_records(sheet)), 1)  # an Excel table has a row under its header, if only an empty one
        assert table.ref == table.autoFilter.ref == f"A1:{last}{rows + 1}", name
        assert table.tableStyleInfo.name == "TableStyleLight9" and table.tableStyleInfo.showRowStripes
    assert len(_records(book["councils"])) == 6  # 3 councils in each sheet


def test_markup_and_excel_escapes_are_kept_as_written(tmp_path):
    sheet = tmp_path / "markup.txt"
    text = KAW.read_text(encoding="utf-8")
    written = "連携 & <協議> _x0041_ =1+1"
    sheet.write_text(text.replace("各課において実施している業務や事業の連携", written), encoding="utf-8")
    out = tmp_path / "markup.xlsx"
    assert invoke("table", sheet, "-o", out).exit_code == 0
    cell = openpyxl.load_workbook(out)["councils"]["J3"]
    assert (cell.value, cell.data_type) == (written, "s")


def test_japanese_headers(tmp_path):
    out = tmp_path / "ja.xlsx"
    r = invoke("table", KAW, "-o", out, "--header", "ja")
    assert r.exit_code == 0
    book = openpyxl.load_workbook(out)
    assert [c.value for c in book["councils"][1]][:6] == [
        "シートID",
        "都道府県・指定都市・中核市・特別区",
        "年度",
        "順番",
        "名称",
        "構成員",
    ]
    assert (book["sheets"]["A1"].value, book["sheets"]["K1"].value) == ("シートID", "人口")


@pytest.mark.skipif(_libreoffice_calc() is not None, reason=str(_libreoffice_calc()))
def test_libreoffice_opens_it(workbook, tmp_path):
    shutil.copyfile(workbook, tmp_path / "data.xlsx")
    profile = tmp_path / "profile"
    p = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "data.xlsx"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    councils = (tmp_path / "data-councils.csv").read_text(encoding="utf-8")
    assert councils.startswith("sheet_id,municipality,fiscal_year,position,name,members,")
    assert "事務局会議" in councils and "2023-05" in (tmp_path / "data-schedule.csv").read_text(encoding="utf-8")
    assert ",604894," in (tmp_path / "data-sheets.csv").read_text(encoding="utf-8")


def test_a_csv_run_loads_neither_the_workbook_writer_nor_sqlite(tmp_path):
    import sys

    code = (
        "import atexit, sys; atexit.register(lambda: print(sorted(m for m in ('nikosheet.output.xlsx', 'sqlite3') "
        "if m in sys.modules), file=sys.stderr)); sys.argv = ['nikosheet', 'table', sys.argv[1], '--entity', "
        "'councils']; from nikosheet.cli.app import main; main()"
    )
    r = subprocess.run([sys.executable, "-c", code, str(KAW)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "事務局会議" in r.stdout
    assert r.stderr.strip().splitlines()[-1] == "[]"


def test_a_bad_input_is_named_and_the_others_written(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "data.xlsx"
    r = invoke("table", KAW, empty, "-o", out, "--jobs", "1")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        f"nikosheet: {empty}: file is empty",
        f"nikosheet: 2 sheets: 1 written to {out}, 1 failed",
    ]
    book = openpyxl.load_workbook(out)
    assert [r["municipality"] for r in _records(book["sheets"])] == ["川口市"]
    assert len(_records(book["councils"])) == 3


def test_a_table_longer_than_a_worksheet_is_refused(tmp_path, monkeypatch):
    from nikosheet.output import xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 10)  # 9 rows under the header: the schedule has 16, the others fewer
    out = tmp_path / "data.xlsx"
    r = invoke("table", KAW, KAS, "-o", out)
    assert r.exit_code == 2 and not out.exists()
    assert r.stderr.splitlines()[-1] == (
        f"nikosheet: error: {out}: cannot write: table schedule has 16 rows, more than a worksheet holds (9); "
        "write the tables to -o data.sqlite"
    )


def test_a_cell_longer_than_excel_holds_is_cut_with_a_warning(tmp_path):
    sheet = tmp_path / "long.txt"
    text = KAW.read_text(encoding="utf-8")
    sheet.write_text(text.replace("各課において実施している業務や事業の連携", "長" * 40000), encoding="utf-8")
    out = tmp_path / "long.xlsx"
    r = invoke("table", sheet, "-o", out)
    assert r.exit_code == 0
    assert r.stderr == "nikosheet: warning: 1 cell was longer than Excel's 32,767 characters and cut there\n"
    councils = openpyxl.load_workbook(out)["councils"]
    assert councils["J3"].value == "長" * 32767
