"""Clean text the 古文码 repair must leave alone, found by the false-positive audit (real catalogue and
essay lines). Each sits in a document that shows 古文码 on another line, where every line is read for
single damaged characters too."""

from __future__ import annotations

import pytest

from errata.repair import repair_text

DAMAGED = "显存不够，训练报错，请检查配置文件。".encode("utf-8")

#: Lines of real catalogues (gettext, CLDR names) that the audit saw turned into garbage.
CLEAN_LINES = [
    "窗体",
    "# 粵語",
    "- BL: 圣巴泰勒米",
    "%s 与 %s 不兼容",
    "上書きの確認",
    "二進接頭辞も使用することもできます: KiB=K, MiB=M など。",
    "- %s 失敗: シグナルをキャッチ %d%s",
    "# 中文 (繁體, 台灣)",
]


def repaired_beside_damage(clean: str, errors: str = "replace") -> str:
    """The repaired body of a document whose first line is 古文码 (read with ``errors``) and whose last is ``clean``."""
    text = "# " + DAMAGED.decode("gbk", errors=errors) + "\n\n" + clean + "\n"
    return repair_text(text, "a.md").text.split("---\n", 2)[2]


@pytest.mark.parametrize("errors", ["replace", "ignore"])
@pytest.mark.parametrize("clean", CLEAN_LINES)
def test_clean_lines_beside_utf8_read_as_gbk_stay_as_they_are(clean, errors):
    body = repaired_beside_damage(clean, errors)
    assert body.endswith("\n\n" + clean + "\n")
    assert "显存不够" in body  # the damaged line is repaired all the same


#: Clean lines with a character that, written back as GBK, reads as a three-byte UTF-8 character short
#: of its last byte (罹 EE BE, 於 EC B6, 寮 E5 BC, 瑙 E8 A7): a reader that drops bytes silently could have
#: made them, but nothing beside them shows it.
LONE_CHARACTER_LINES = [
    "４９人罹難，上万人受伤。",
    "（僅支援基於 XML 的語言）",
    "- lo: 寮文",
    "瑙魯共和國",
    "清除紀錄",
    "設定檔的選項可能因軟體版本而有異。",
    "- 宏達電夢幻",
    "                         下記の UNIT の項を参照",
]


@pytest.mark.parametrize("errors", ["replace", "ignore"])
@pytest.mark.parametrize("clean", LONE_CHARACTER_LINES)
def test_a_lone_character_that_could_have_lost_a_byte_silently_is_left_beside_utf8_read_as_gbk(clean, errors):
    test_clean_lines_beside_utf8_read_as_gbk_stay_as_they_are(clean, errors)


#: Traditional Chinese whose GB18030 bytes read as a Hangul syllable and an ASCII byte in UTF-8 (沒 and 項
#: as ED 97 9B and ``]``): no Chinese text read as GBK gives back a lone Hangul syllable.
HANGUL_LINES = ["該處理事項沒有執行。", "用於產生索引的工具"]


@pytest.mark.parametrize("clean", HANGUL_LINES)
def test_a_lone_hangul_syllable_is_no_reading_of_clean_traditional_chinese(clean):
    assert repaired_beside_damage(clean).endswith("\n\n" + clean + "\n")


#: English lines with a dash, an ellipsis or a bullet of Windows-1252 right before a word: GBK reads the sign and
#: the word's first letter as one of its extension's rare characters (–v 杤, —f 梖, …m 卪). Found on real files
#: (the nineteenth set): a document whose title was GBK read as Latin-1 turned ``git –version`` into ``git 杤ersion``.
SIGN_BEFORE_A_WORD_LINES = ["run git –version", "use —force here", "and …more", "• Install", "pull –allow-unrelated-histories"]


@pytest.mark.parametrize("clean", SIGN_BEFORE_A_WORD_LINES)
def test_a_sign_before_a_latin_word_stays_beside_gbk_read_as_latin1(clean):
    text = "---\ntitle: " + "开发中报错记录".encode("gbk").decode("latin-1") + "\n---\n\n" + clean + "\n"
    result = repair_text(text, "a.md").text
    assert "title: 开发中报错记录" in result
    assert result.endswith("\n\n" + clean + "\n")


#: Hanja with kana or Hangul, whose code page 949 bytes read across its characters as UTF-8 (誤り, E8 A6 AA EA: 親 and
#: a lead byte short of two; 冗餘된: 長段 and a piece; 誤 and a ``?``: 覺). Found by a red-team audit (round 29): Debian's
#: zh_TW and ja catalogues and Korean written with Hanja, beside 古文码 or beside UTF-8 read as code page 949.
HANJA_LINES = ["誤り", "冗餘된 試過을 到屬가 哈薩한 至低는.", "|/ 錯誤?=(無)/R:須重新安裝（狀態，錯誤：大寫=有問題）"]


@pytest.mark.parametrize("codec", ["gbk", "cp949"])
@pytest.mark.parametrize("clean", HANJA_LINES)
def test_hanja_with_kana_or_hangul_is_no_reading_of_code_page_949(clean, codec):
    text = "# " + DAMAGED.decode(codec, errors="replace") + "\n\n" + clean + "\n"
    body = repair_text(text, "a.md").text.split("---\n", 2)[2]
    assert body.endswith("\n\n" + clean + "\n")
    assert "显存不够" in body  # the damaged line is repaired all the same


#: Traditional Chinese that another reading than the document's takes (Shift-JIS's: 體 then 。 read as 铁 and B):
#: beside 古文码 of GBK only, the single characters of a line are read as GBK's, not as every code page's.
OTHER_READING_LINES = ["沒有插入正確媒體。", "忽略了驗證警告。", "  -P, --no-dereference  不跟隨任何符號連結（預設行為）"]


@pytest.mark.parametrize("clean", OTHER_READING_LINES)
def test_a_document_of_gbk_readings_reads_no_line_as_another_code_page(clean):
    assert repaired_beside_damage(clean).endswith("\n\n" + clean + "\n")
