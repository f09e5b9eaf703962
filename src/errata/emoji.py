"""Emoji shortcodes that load nothing from another host.

Material's ``to_svg`` inlines its own icons (``:material-check:``) but writes every
other shortcode (``:email:``) as an ``<img>`` on cdn.jsdelivr.net: each reader's
browser would ask a third party for it, and the site promises pages that load
nothing from other hosts. Here an icon stays inline SVG and an emoji becomes
the character itself, which the system's emoji font draws.

>>> import markdown
>>> from material.extensions.emoji import twemoji
>>> md = markdown.Markdown(extensions=["pymdownx.emoji"], extension_configs={
...     "pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": inline_icon_or_character}})
>>> html = md.convert(":email: :material-check:")
>>> 'aria-label="📧"' in html, "<svg" in html, "http" in html.replace("http://www.w3.org/2000/svg", "")
(True, True, False)
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from material.extensions.emoji import to_svg as material_to_svg


def inline_icon_or_character(index, shortname, alias, uc, alt, title, category, options, md):
    """A pymdownx.emoji generator: Material's icons inline, emoji as their Unicode characters.

    Icons have no code point (``uc`` is None): only they go to Material's generator, which
    inlines them. An emoji is an empty span that the stylesheet fills with its character, the
    span's label (``.errata-emoji::before``; the page sanitiser keeps ``aria-label`` on every
    element), not the character as text: a heading's id is made from its
    text, and it had no picture's worth of it (``## :email: 联系`` keeps the id 联系, which
    links and the importer's anchors rely on).

    >>> import markdown
    >>> span = inline_icon_or_character("twemoji", ":family_man_woman_girl:", None, "1f468-200d-1f469-200d-1f467", "", "", "", {}, markdown.Markdown())
    >>> span.get("aria-label") == "\U0001f468\u200d\U0001f469\u200d\U0001f467", span.text
    (True, None)
    """
    if not uc:
        return material_to_svg(index, shortname, alias, uc, alt, title, category, options, md)
    character = "".join(chr(int(point, 16)) for point in uc.split("-"))
    return Element("span", {"class": "twemoji errata-emoji", "role": "img", "aria-label": character, "title": shortname})
