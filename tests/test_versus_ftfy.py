"""Never worse than ftfy: where ftfy.fix_text restores a line, the repair restores it too."""

from __future__ import annotations

import re

import ftfy
import pytest

from errata.text.mojibake import repair_mojibake

CAREFUL = ftfy.TextFixerConfig(unescape_html=False, fix_character_width=False, uncurl_quotes=False, normalization=None)

LINES = [
    "速度（≥2倍）→ 完成",
    "⚠️ 注意：显存不够 🙂",
    "∞ 循环，耗时 ≤ 3 秒",
    "温度 25°C，费用 €3 · 完成 ✓",
    "naïve café — “引号” … 完成",
    "表情 😀😂 和箭头 ←↑→↓",
    "The café’s naïve façade",
    "print(\"café\")  # naïve 注释",
    "Ελληνικά και русский текст рядом с 中文",
    "数学：α + β ≠ γ，∑ 和 √2",
    # A README's list of its translations: whole words of other scripts, their vowel signs and all.
    "[العربية](README.ar.md) | [ไทย](README.th.md) | [বাংলা](README.bn.md) | [हिन्दी](README.hi.md) | [עברית](README.he.md)",
]


def sloppy_cp1252(text: str) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


DAMAGE = {
    "utf8-as-cp1252": sloppy_cp1252,
    "utf8-as-latin1": lambda t: t.encode("utf-8").decode("latin-1"),
    "utf8-as-cp1252-twice": lambda t: sloppy_cp1252(sloppy_cp1252(t)),
}


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize("line", LINES)
def test_where_ftfy_restores_a_line_so_does_the_repair(line, kind):
    damaged = DAMAGE[kind](line)
    if ftfy.fix_text(damaged, CAREFUL) != line:
        pytest.skip("ftfy does not restore this one")
    assert repair_mojibake(damaged)[0] == line
    assert repair_mojibake(f"# 标题\n\n{damaged}\n")[0] == f"# 标题\n\n{line}\n"


@pytest.mark.parametrize("line", LINES)
def test_the_lines_themselves_are_left_alone(line):
    assert repair_mojibake(line)[0] == line
    assert repair_mojibake(f"# {sloppy_cp1252('显存')}\n{line}\n")[0] == f"# 显存\n{line}\n"


# Documents with nothing Chinese in them: the notes of a team that writes Hungarian, Vietnamese, Hebrew,
# Tamil or Latvian, damaged as Chinese ones are. Text of this project's own.
OTHER_LANGUAGES = {
    "hu": "# Betűkészletek\n\nA több típus közül válassz egyet, és indítsd újra a szolgáltatást.\n",
    "vi": "# Cấp quyền\n\nViệt Nam: độ chính xác của phép đo phụ thuộc vào cấu hình.\n",
    "he": "# הגדרות\n\nשמע: הקובץ לא נמצא בתיקייה, נסה שוב מאוחר יותר.\n",
    "ta": "# அமைப்பு\n\nகைப்பிடியின் அளவு தவறானது, மீண்டும் முயற்சிக்கவும்.\n",
    "lv": "# Ceļš\n\nUzstādīšana neizdevās: pārbaudiet tīkla savienojumu un mēģiniet vēlreiz.\n",
    "sk": "# Štylistická sada č. 7\n\nPoložka nebola nájdená v zozname súborov.\n\nTeraz môžete spustiť nástroj; môže byť rozsiahly.\n",
    # ვ ends in A0: read as Latin-1 a no-break space, which is no word's end.
    "ka": "# ფაილი\n\nსიმბოლოების ფაილი ვერ წავიკითხე, ის დაკოპირდება.\n",
    "ko": "# 설정 파일\n\n서버를 다시 시작하기 전에 설정 파일의 경로를 확인하세요.\n",
}


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_document_in_another_language_is_restored_where_ftfy_restores_it(language, kind):
    """Where nothing in a text reads as Chinese, a byte run that is whole UTF-8 is no 拼音码: Vietnamese
    ``Cáº¤P`` is Big5's 廕匕 and UTF-8's Cấp, Hebrew GBK's 砖拽专 and UTF-8's שקר. Such documents came
    back with Chinese characters in them, or were left as found where ftfy reads them (ű, ļ, Hebrew
    and Tamil letters are no characters a Chinese note writes)."""
    text = OTHER_LANGUAGES[language]
    damaged = DAMAGE[kind](text)
    if ftfy.fix_text(damaged, CAREFUL) != text:
        pytest.skip("ftfy does not restore this one")
    assert repair_mojibake(damaged)[0] == text


def through(codec: str):
    """UTF-8 read byte by byte through a single-byte code page, a byte it leaves undefined kept as its C1 control."""
    return lambda text: "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode("utf-8"))


@pytest.mark.parametrize("codec", ["cp1250", "cp1257", "mac_roman"])
@pytest.mark.parametrize("language", [*OTHER_LANGUAGES, "zh"])
def test_a_document_read_through_another_code_page_is_read_whole(language, codec):
    """Code pages we do not read ourselves, where a line is UTF-8 read through one of them, every byte:
    Korean through Windows-1250 (``ě—\x90`` is 에) came back as hangul among 乱 and 螺, our runs
    reading what the code page shares with Windows-1252 and the lost-byte recovery the rest."""
    text = OTHER_LANGUAGES.get(language, "# 显存不够\n\n把批大小改小一点，然后重新训练。\n")
    damaged = through(codec)(text)
    if ftfy.fix_text(damaged, CAREFUL) != text:
        pytest.skip("ftfy does not restore this one")
    fixed, report = repair_mojibake(damaged)
    assert fixed == text


def test_a_code_page_s_undefined_bytes_are_read_as_a_sloppy_reader_keeps_them():
    """Windows-1257 leaves 0xA1 and 0xA5 undefined besides C1 bytes: a sloppy reader keeps them as ¡ and ¥
    (Czech á is C3 A1), beside Chinese that keeps ftfy's own reading of the lines away."""
    text = "# 图表说明\n\n- Základní název souboru\n- Současné hodnoty: číslo písma\n"
    damaged = through("cp1257")(text)
    assert repair_mojibake(damaged)[0] == text


def test_gbk_lines_that_dos_437_would_make_utf8_stay_gbk():
    """DOS's 437 defines every byte: a Latin-1 character it lacks is no byte of it (源码 in GBK, ``Ô´Âë``, is
    no UTF-8 through 437), so a GBK title and list item beside clean UTF-8 stay GBK."""
    gbk = lambda text: text.encode("gbk").decode("latin-1")  # noqa: E731
    damaged = f"# {gbk('目录')}\n\n- {gbk('源码')}\n  ├── 入口\n\n入口文件很小，组件放在单独的目录。\n"
    assert repair_mojibake(damaged)[0] == "# 目录\n\n- 源码\n  ├── 入口\n\n入口文件很小，组件放在单独的目录。\n"


def test_a_line_read_whole_through_another_code_page_is_reported_so():
    damaged = through("cp1250")(OTHER_LANGUAGES["ko"])
    assert {fix.kind for fix in repair_mojibake(damaged)[1].fixes} == {"utf8-as-cp1250"}


def test_a_short_line_reads_through_the_code_page_the_rest_of_the_text_shows():
    """ftfy alone leaves ``estĂ\xa0 buscant`` (està through Windows-1250: its badness sees nothing wrong);
    beside a line ftfy reads through that code page, the repair reads it so."""
    text = "# Configuració\n\nNo està buscant.\n\nL'opció «força» no és vàlida – torneu-ho a provar.\n"
    damaged = through("cp1250")(text)
    assert ftfy.fix_text(damaged, CAREFUL) != text
    assert repair_mojibake(damaged)[0] == text


@pytest.mark.parametrize(
    "line",
    [
        "Không có màu để ánh xạ! numfig 已禁用，忽略 :numref:。",  # để: no ASCII letter, a letter of three bytes
        "重复的描述，其他的描述出现在: Esti\u0301sticas",  # í written as i and a combining acute
    ],
)
def test_a_latin_word_beside_chinese_reads_as_ftfy_reads_it(line):
    """Vietnamese ``để`` is a Latin word with no ASCII letter, and an accent may be written as a combining
    mark: beside Chinese read as Latin-1, both stayed mojibake (``Ä\x91á»\x83``, ``Ì\x81``)."""
    damaged = line.encode("utf-8").decode("latin-1")
    assert ftfy.fix_text(damaged, CAREFUL) == line
    assert repair_mojibake(damaged)[0] == line


def test_a_letter_beyond_latin1_in_a_latin_word_reads_so_where_the_text_shows_misread_bytes_on_another_line():
    """Turkish ı is UTF-8's C4 B1 and GBK's 谋, ç UTF-8's C3 A7 and GBK's 莽. A line of Turkish words holds
    no byte only a misreading makes, but the text does (the C1 controls of “ ” read as Latin-1)."""
    text = "# 配置说明\n\nDNS hatası: NOTAUTH\n\n- ortaya çıkan dosyaları\n- 已跳过：%(rest) argüman almıyor\n"
    assert repair_mojibake(text.encode("utf-8").decode("latin-1"))[0] == text


def drop_undefined(text: str) -> str:
    """UTF-8 read as Windows-1252, the five bytes it leaves undefined dropped (a web page's or an index's reading)."""
    return "".join(bytes([b]).decode("cp1252") for b in text.encode("utf-8") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D))


def mark_undefined(text: str) -> str:
    """UTF-8 read as Windows-1252, the five bytes it leaves undefined each read as U+FFFD."""
    return "".join(bytes([b]).decode("cp1252", errors="replace") for b in text.encode("utf-8"))


SHORT_OF_BYTES = {
    # Hindi's virama is E0 A5 8D: Windows-1252 leaves 8D undefined.
    "hi": "# मुद्रण सहायता\n\nक्या कोष्ठ पृष्ठभूमि रंग सेट किया जाना है? कुछ नहीं।\n",
    "ru": "# Настройки\n\nНе удалось создать каталог, проверьте права доступа.\n",
}


@pytest.mark.parametrize("damage", [drop_undefined, mark_undefined])
@pytest.mark.parametrize("language", SHORT_OF_BYTES)
def test_another_script_short_of_bytes_is_not_read_as_gbk(language, damage):
    """A run of another script's UTF-8 that lost the bytes Windows-1252 leaves undefined is no 拼音码: it
    came back as GBK's 啶曕ムく where ftfy reads most of it."""
    from dev.damage import character_errors

    text = SHORT_OF_BYTES[language]
    damaged = damage(text)
    fixed = repair_mojibake(damaged)[0]
    assert not re.search("[\u4e00-\u9fff]", fixed)
    assert character_errors(fixed, text) <= character_errors(ftfy.fix_text(damaged, CAREFUL), text)


def test_russian_through_a_mac_s_code_page_is_read_where_ftfy_leaves_it():
    """ftfy's badness does not flag ``–ù–µ —É–¥–∞–ª–æ—Å—å``; two lines read whole into clean Cyrillic show the code page."""
    damaged = through("mac_roman")(SHORT_OF_BYTES["ru"])
    assert ftfy.fix_text(damaged, CAREFUL) == damaged
    assert repair_mojibake(damaged)[0] == SHORT_OF_BYTES["ru"]


@pytest.mark.parametrize("sentence", ["Cap fitxer vàlid ací", "La configuració és vàlida"])
def test_catalan_whose_apostrophe_reads_as_an_armenian_sign_beside_mac_mojibake_stays(sentence):
    """``’ú`` is D5 9C through the Mac's code page, UTF-8's Armenian ՜: a line of Mac mojibake shows that code page,
    and the clean ``d’ús`` on another line, every byte of it whole UTF-8 so, read as ``d՜s``. No Armenian sign
    stands between the letters of a Latin word."""
    damaged = sentence.encode("utf-8").decode("mac_roman")
    text = f"# Títol\n\n{damaged}\n\n- Forma d’ús: %s\n"
    assert repair_mojibake(text)[0] == f"# Títol\n\n{sentence}\n\n- Forma d’ús: %s\n"


def test_french_whose_apostrophes_read_as_armenian_through_a_mac_s_code_page_stays():
    """``’é`` is D5 8E in the Mac's code page, UTF-8's Վ: two such lines are no evidence of that code page."""
    text = "# Nom de l’étiquette\n\nLe nom de l’éditeur ou de l’écrivain.\n"
    assert repair_mojibake(text)[0] == text


@pytest.mark.parametrize(
    "text",
    [
        "- Ні\n- Ці дії\n- Ні, Ці дії\n",  # through Windows-1251: ͳ, a lone Hebrew point and 䳿
        "C’è l’è\nC’è l’è\n",  # through the Mac's: CՏ lՏ
        "Impossible d’écrire le fichier.\nImpossible d’écrire la ressource.\n",
    ],
)
def test_clean_lines_that_a_code_page_spells_as_utf8_stay(text):
    """A helper's traps: clean lines whose bytes in some code page happen to be UTF-8, each the other's evidence."""
    assert repair_mojibake(text)[0] == text


@pytest.mark.parametrize(
    "damaged, text",
    [
        ("# Éè±¸\n\nRun `make install` and check the log.\n", "# 设备\n\nRun `make install` and check the log.\n"),
        ("## ÔËÐÐµ¼Èë¹ýÂËÆ÷²¢Á¢¼´µ¼³öÃÜÔ¿\n- »ú»á\n- ÒªÇó\n", "## 运行导入过滤器并立即导出密钥\n- 机会\n- 要求\n"),
        ("- PSF ÒôÆµ\n", "- PSF 音频\n"),
        ("Error: Éî»¯ failed in module foo\n", "Error: 深化 failed in module foo\n"),
    ],
)
def test_gbk_stays_gbk_where_another_code_page_or_a_lost_byte_would_read_it_as_utf8(damaged, text):
    """设备 in GBK is UTF-8's 豸 after a lead byte short of its own; 机会 and 音频 read through a Mac's code page
    as Ȝȇ and U+59BB5 (ftfy's own reading of the line, a code point Unicode assigns nothing); 深化 ends in a
    private-use character through Windows-1252 short of a byte."""
    assert repair_mojibake(damaged)[0] == text


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_document_in_another_language_is_left_alone(language):
    text = OTHER_LANGUAGES[language]
    assert repair_mojibake(text)[0] == text


@pytest.mark.parametrize("word", ["专业", "抓取", "卤水", "医药业", "摇摇曳曳"])
def test_a_gbk_title_that_is_whole_utf8_stays_gbk_beside_a_chinese_body(word):
    """专 is D7 A8 in GBK, UTF-8's Hebrew ר: ``×¨Òµ`` is ftfy's רҵ. Beside a body that reads as Chinese,
    the title's GBK reading stands. GBK's characters of one row make letters of one block: 医药业 is
    Cyrillic's ҽҩҵ, 摇摇曳曳 ҡҡҷҷ, no word of another script."""
    title = word.encode("gbk").decode("latin-1")
    body = sloppy_cp1252("正文：配置完成以后重新启动服务。")
    assert repair_mojibake(f"# {title}\n\n{body}\n")[0] == f"# {word}\n\n正文：配置完成以后重新启动服务。\n"


@pytest.mark.parametrize(
    "text",
    [
        "# Proširenje\n\nProširenje nije uspjelo: Žužemberk, završila neuspješno.\n",
        "Return a < é – b, computed from è – c.\n",
        "# 说明\n\nLa scelta è – come sempre – tua.\n",
        "Un documento é especial: isto é «índice», é dicir, a raíz.\n",
    ],
)
def test_clean_latin_text_stays_as_it_is(text):
    """Croatian ``ši`` is Windows-1252's 9A 69, which Shift-JIS reads as 喨; an ``é`` before a space
    and a dash reads, the space taken for a no-break one made plain, as UTF-8's 頖 (E9 A0 96). Both
    were read so in clean text: the first like the accented letters of a Latin word GBK reads, the
    second only where the text shows a Chinese character whole in such mojibake too."""
    assert repair_mojibake(text)[0] == text


@pytest.mark.parametrize("damage", ["clean", "latin1", "cp1252", "cp1252-twice", "cp1250", "cp1257", "mac-roman"])
def test_sphinx_catalogues_in_other_languages_are_never_worse_than_ftfy(damage):
    """Sphinx's catalogues in 36 locales other than Chinese and Japanese (dev.other_languages, its dev
    split, three essays each), misread as Latin-1 or Windows-1252: the repair is as right as careful ftfy
    on every one, and leaves the clean ones as they are."""
    from dev import other_languages
    from dev.damage import character_errors
    from errata.repair import repair_bytes
    from errata.text.mojibake import FTFY_CONFIG

    worse = []
    for locale, clean in other_languages.essays("dev", 3):
        damaged = other_languages.DAMAGES[damage](clean)
        ours = repair_bytes(damaged.encode("utf-8"), "a.md").text
        if character_errors(ours, clean) > character_errors(ftfy.fix_text(damaged, FTFY_CONFIG), clean):
            worse.append(locale)
    assert worse == []


@pytest.mark.parametrize("times", [1, 2])
def test_a_chinese_character_short_of_a_byte_counts_as_chinese_read_on_its_line(times):
    """漏 is E6 BC 8F, and 8F is undefined in Windows-1252: read with replacement its last byte is lost.
    The character is a slot the recovery fills, not one read whole; counted as nothing Chinese, its line
    went to ftfy, which leaves U+FFFD there."""
    text = "# 说明\n\n这个问题通常出现在配置文件路径错误的时候。\n\n- 漏\n"
    damaged = text
    for _ in range(times):
        damaged = damaged.encode("utf-8").decode("cp1252", errors="replace")
    assert repair_mojibake(damaged)[0].endswith("\n- 漏\n")


@pytest.mark.parametrize("locale", ["ru", "sr", "sk"])
def test_a_sloppy_reader_s_c1_control_does_not_make_a_code_page_s_mojibake_look_like_pinyinma(locale):
    """Sphinx's catalogues through Windows-1257 read sloppily: the byte 0x81 that code page leaves undefined
    stays a C1 control (``Ń\\x81`` for Russian с). A run's bytes are whole UTF-8 only with that byte read as
    Latin-1; spelt strictly in the code page the run did not encode, counted as 拼音码 only a legacy code
    page explains, and kept ftfy from the text (``Š’Š¾Š·`` came back as 樺汗換)."""
    from dev import other_languages
    from dev.damage import character_errors
    from errata.repair import repair_bytes
    from errata.text.mojibake import FTFY_CONFIG

    for name, clean in other_languages.essays("dev", 12):
        if name != locale:
            continue
        damaged = other_languages.DAMAGES["cp1257"](clean)
        ours = repair_bytes(damaged.encode("utf-8"), "a.md").text
        assert character_errors(ours, clean) <= character_errors(ftfy.fix_text(damaged, FTFY_CONFIG), clean)


def test_whether_legacy_runs_are_whole_utf8_is_asked_once_per_stretch_of_a_line():
    """A legacy run is judged with the characters beyond ASCII on either side of it: in one unbroken
    stretch of thousands of runs (Hebrew ש, ``×©``, over and over) each spelt the whole stretch again."""
    from scaling import grows_linearly

    from errata.text.mojibake import DecodedRun, _lines_ftfy_may_read

    def judge(n: int) -> None:
        line = "×©" * n
        runs = [DecodedRun(2 * k, 2 * k + 2, ["砖"], 1, "gbk-as-latin1") for k in range(n)]
        assert _lines_ftfy_may_read([line], [(runs, False)]) == [True]

    assert grows_linearly(judge, 4_000)


@pytest.mark.parametrize(
    "text",
    [
        "# Vocali\n\n  abcde ABCDE àèìòù ÀÈÌÒÙ €\n",  # ÀÈÌÒ pairs as GBK's 廊桃, and Ù is left without a partner
        "# Cài đặt\n\n- đặt “LC_ALL=”C”” để tránh vấn đề\n",  # ”C”” is Shift-JIS's 任粕 read as Windows-1252
    ],
)
def test_clean_text_that_pairs_as_a_legacy_code_page_by_chance_stays(text):
    """Two clean documents of a helper's corpus that the repair changed: a run of Latin-1 capitals that
    GBK pairs up, stopping before a high character it leaves alone (double-byte text pairs every high
    byte), and quotes that Shift-JIS reads on a line with Vietnamese letters, which no Latin-1 reading makes."""
    assert repair_mojibake(text)[0] == text


def test_apostrophes_and_quotes_of_latin_words_stay_where_a_line_shows_shift_jis():
    """French and English typography through Shift-JIS: ``’é`` is 帝, ``’t`` 稚, ``“D`` 泥. One line that reads
    whole as Shift-JIS (``—à—é—è``, 伶鈴苓, a helper's trap) showed that class, and every apostrophe of the
    document's words was then read so (``l帝cole``)."""
    prose = "Qu’est-ce que c’est ? L’école était fermée, c’était l’époque.\n\nShe said: “Don’t touch it.”\n"
    fixed = repair_mojibake(f"# Typographie\n\n- —à—é—è\n\n{prose}")[0]
    assert fixed.endswith(prose)


def test_pinyinma_short_of_a_byte_after_a_run_is_read_where_the_text_shows_pinyinma():
    """编辑 is B1 E0 BC AD; a page that drops the soft hyphen (0xAD) leaves ``±à¼``, its last high byte
    without a partner. Where another line shows 拼音码, the run before it is still read."""
    damaged = "# " + "本地修改指南".encode("gbk").decode("latin-1") + "\n\n" + "编辑".encode("gbk").decode("latin-1").replace("\xad", "") + " `config.mjs`\n"
    fixed = repair_mojibake(damaged)[0]
    assert fixed.startswith("# 本地修改指南\n\n编")


WORDS_BESIDE_CHINESE = [
    "- अनुपात （配置已改变）",  # Hindi: E0 A4 85 … as GBK is 啶呧え
    "## 正在装配文档: संख्या के प्रतीक",
    "שלום 配置已改变",  # 住 is D7 A1 in GBK, UTF-8's Hebrew ס: a lone letter stays GBK's, a word is Hebrew
    "ภาษาไทย 配置已改变",
    "مجموعهٔ سبکی ۱۹ 配置已改变",  # Persian's own digits, two of them, beside Persian words
    "## תפריט כ־Ctrl ימני 配置",  # one letter and a hyphen beside Hebrew words
]


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize("line", WORDS_BESIDE_CHINESE)
def test_words_of_another_script_beside_chinese_read_as_utf8(line, kind):
    """A byte run that reads as a word of one script other than Latin is that word, beside Chinese too:
    GBK bytes read as UTF-8 make such letters one at a time, not words. Before, Hindi beside Chinese
    came back as GBK's 啶呧え啷佮お and Hebrew, Thai and Arabic words stayed mojibake, where ftfy reads them."""
    damaged = DAMAGE[kind](line)
    assert repair_mojibake(damaged)[0] == line
    assert repair_mojibake(f"# 标题\n\n{damaged}\n")[0] == f"# 标题\n\n{line}\n"


def test_a_thai_line_short_of_bytes_is_read_as_far_as_ftfy_reads_it():
    """Thai ก is E0 B8 81, and Windows-1252 drops the 81. Where our runs read none of a line, ftfy's partial
    reading is more than nothing; it was taken only where we read the line as GBK by mistake."""
    from dev.damage import character_errors

    text = "# ชื่อกลุ่มชุดอักขระไม่ถูกต้อง\n\n- ชุดตกแต่งถูกกำหนดค่าตายตัว\n- คาลูกา, แคว้น\n"
    damaged = drop_undefined(text)
    fixed = repair_mojibake(damaged)[0]
    assert character_errors(fixed, text) <= character_errors(ftfy.fix_text(damaged, CAREFUL), text) < character_errors(damaged, text)


def test_a_letter_before_a_mark_is_a_lead_byte_where_the_rest_of_the_line_reads_as_mojibake():
    """Slovenian č is C4 8D, and Windows-1252 writes U+FFFD for its 8D: ``omogoÄ\ufffda``. The Ä before the mark
    could be an author's letter (Polish ``Proszę\ufffd``), but not on a line whose ž and š (``moÅ¾nost``) read
    as ftfy reads them: the whole line was left as found, where ftfy reads all but the č."""
    from dev.damage import character_errors

    text = "# Nastavitve\n\nIzbrana možnost omogoča, da predmeti kažejo besedilo.\n\n- Dolžina merka v točkah\n"
    damaged = mark_undefined(text)
    fixed = repair_mojibake(damaged)[0]
    assert "Å¾" not in fixed and "možnost" in fixed and "Dolžina" in fixed
    assert character_errors(fixed, text) <= character_errors(ftfy.fix_text(damaged, CAREFUL), text)
    assert repair_mojibake("# Tytuł\n\nProszę\ufffd\ufffd o pomoc.\n")[0] == "# Tytuł\n\nProszę\ufffd\ufffd o pomoc.\n"


def test_chinese_with_emoji_through_glibc_s_mac_code_page_is_read():
    """``iconv -f MACINTOSH`` (glibc) spells 0xF0, the lead byte of every emoji's UTF-8, as the private-use
    U+E01E where Python's mac_roman (Apple's table) has U+F8FF: a heading ``## 🚀 一键解决方案`` so read was
    left as Mac mojibake, parts of it then read as Windows-1252 into other mojibake (``Ëß£`` → NKo ``ߣ``)."""
    text = "# 快速修复 pip 安装问题\n\n## 🚀 一键解决方案\n\n如果你的服务器无法安装依赖包，按以下顺序尝试：\n\n## 📦 三个兼容级别\n"
    damaged = text.encode("utf-8").decode("mac_roman").replace("\uf8ff", "\ue01e")
    assert "\ue01e" in damaged
    assert repair_mojibake(damaged)[0] == text
