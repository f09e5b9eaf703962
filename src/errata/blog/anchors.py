"""Heading anchors: the ids VuePress gave a page's headings, and the ids the site gives them.

A vdoing essay links ``[安装](./02.node.md#_1-安装)`` with VuePress's slug; the site's table of
contents (``toc`` with ``pymdownx.slugs.slugify(case="lower")``, as mkdocs.yml sets it) gives the
same heading ``1-安装``. The import rewrites the one into the other, so the link still lands.

>>> anchors = heading_anchors("# 标题\\n## 1. 安装 Node\\n```\\n## 不是标题\\n```\\n## 1. 安装 Node\\n")
>>> anchors["_1-安装-node"], anchors["1-安装-node"], anchors["_1-安装-node-2"]
('1-安装-node', '1-安装-node', '1-安装-node_1')
"""

from __future__ import annotations

import re
import unicodedata

from pymdownx import twemoji_db
from pymdownx.slugs import slugify

from ..markdown_lines import prose_lines

#: An ATX heading's marker and its text, the closing ``#`` run still on: :func:`_heading` takes it off. A
#: pattern that took it off too tried the closing run from every space of the text (quadratic: 100,000 spaces
#: never ended).
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*)$")
_ID = re.compile(r"#([\w-]+)")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")
_TAG = re.compile(r"<[^<>\n]*>")
_EMOJI = re.compile(r":[+\w-]+:")  # a shortcode; the ones the site's emoji index knows become pictures
_MARKS = re.compile(r"[`*~]|(?<!\w)_|_(?!\w)")
_VUEPRESS_SPECIAL = re.compile(r"[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:\"'“”‘’–—<>,.?/]+")
_CONTROL = re.compile(r"[\u0000-\u001f]")
_material_slug = slugify(case="lower")


def vuepress_slug(text: str, form: str = "NFD") -> str:
    """The id VuePress gives a heading (its ``slugify``): VuePress 1 (vdoing's) takes the accents
    off letters and keeps full-width punctuation; VuePress 2 (``form="NFKD"``) folds that to ASCII first.

    >>> vuepress_slug("1. 安装 Node"), vuepress_slug("What's new?"), vuepress_slug("Café")
    ('_1-安装-node', 'what-s-new', 'cafe')
    >>> vuepress_slug("安装（Windows）"), vuepress_slug("安装（Windows）", "NFKD")
    ('安装（windows）', '安装-windows')
    """
    text = "".join(c for c in unicodedata.normalize(form, text) if not unicodedata.combining(c))
    slug = _VUEPRESS_SPECIAL.sub("-", _CONTROL.sub("", text)).strip("-")
    return ("_" + slug if slug[:1].isdigit() else slug).lower()


def heading_text(markdown: str) -> str:
    """A heading's text as the table of contents reads it: links, tags, emphasis marks and emoji gone
    (pymdownx.emoji draws ``:email:`` as a picture, with no text for the id; VuePress's anchor skips it too).

    >>> heading_text("`KeyError` 与 [文档](a.md) <Badge text='x'/>"), heading_text(":email: 联系 :not-an-emoji:")
    ('KeyError 与 文档', '联系 :not-an-emoji:')
    """
    text = _EMOJI.sub(lambda m: "" if m.group(0) in twemoji_db.emoji or m.group(0) in twemoji_db.aliases else m.group(0), markdown)
    return _MARKS.sub("", _TAG.sub("", _LINK.sub(r"\1", text))).strip()


def heading_anchors(body: str) -> dict[str, str]:
    """Every id a link may name for the page (VuePress's and the site's own) → the site's id."""
    anchors: dict[str, str] = {}
    seen: dict[str, int] = {}
    vuepress_seen: dict[str, dict[str, int]] = {}
    for _, line in prose_lines(body):
        text = _heading(line)
        if text is None:
            continue
        explicit = _explicit_id(text)
        if explicit:
            anchors[explicit] = explicit
            continue
        plain = heading_text(text)
        ours = _unique(_site_slug(plain), seen, "_{}")
        anchors.setdefault(ours, ours)
        for form in ("NFD", "NFKD"):  # VuePress 1's id, then VuePress 2's where it differs
            anchors.setdefault(_unique(vuepress_slug(plain, form), vuepress_seen.setdefault(form, {}), "-{}", start=2), ours)
    return anchors


def _heading(line: str) -> str | None:
    """An ATX heading's text (its closing run of ``#`` and the spaces around it off), or ``None`` for a line
    that is no heading. Read once from each end, so a long run of spaces or ``#`` costs its length.

    >>> _heading("## 安装 Node ##  "), _heading("### a#"), _heading("## ###"), _heading("#不是"), _heading("    # 代码")
    ('安装 Node', 'a#', '###', None, None)
    """
    match = _HEADING.match(line)
    if match is None:
        return None
    text = match.group(2).rstrip(" \t")
    if not text:  # spaces only: a blank heading, as the table of contents has one, once there are two
        return match.group(0)[-1] if match.start(2) - match.end(1) >= 2 else None
    bare = text.rstrip("#")
    if bare != text and bare.rstrip(" \t") and bare[-1] in " \t":  # a closing run: after a space, with text before it
        return bare.rstrip(" \t")
    return text


def _explicit_id(text: str) -> str | None:
    """The id a heading gives itself by attribute list at its end (``{#id .class}``; the last ``#id`` in it), if any.

    >>> _explicit_id("安装 {#install .wide}"), _explicit_id("a {: #x #y }  "), _explicit_id("{#a} b"), _explicit_id("a {b}")
    ('install', 'y', None, None)
    """
    stripped = text.rstrip()
    start = stripped.rfind("{")
    if not stripped.endswith("}") or start < 0 or "}" in stripped[start + 1 : -1]:
        return None
    ids = _ID.findall(stripped, start + 1, len(stripped) - 1)
    return ids[-1] if ids else None


def _site_slug(text: str) -> str:
    """The site's id for a heading's text: pymdownx's ``slugify``, as the table of contents calls it.

    Its tag pattern reads on from each ``<`` to a ``>``: from each ``<`` after the last ``>`` it read to
    the end in vain (``>`` and 16,000 ``<`` took 0.15 s, 100,000 six). Those ``<`` begin no tag, and go
    over as ``?``, which the slug drops as it drops ``<``.

    >>> _site_slug("a <b>粗</b> < c"), _site_slug("> x <" + "<" * 100_000)
    ('a-粗--c', '-x-')
    """
    after_tags = text.rfind(">") + 1
    return _material_slug(text[:after_tags] + text[after_tags:].replace("<", "?"), "-")


def _unique(slug: str, seen: dict[str, int], pattern: str, start: int = 1) -> str:
    """The n-th use of a slug, numbered as its tool numbers repeats (toc: ``_1``; VuePress: ``-2``)."""
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else slug + pattern.format(count + start - 1)
