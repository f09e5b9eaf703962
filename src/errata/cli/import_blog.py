"""Bring a VuePress/vdoing blog across into an Errata site.

    import_blog.py SOURCE [DEST]            SOURCE: the blog's repository or its docs/; DEST: docs/ (created if missing)
    import_blog.py SOURCE docs --mkdocs-yml mkdocs.yml   also write the blog's title, description, repository there

Every essay is repaired and converted to plain Material Markdown; images and other files are
copied with the links rewritten; the home page becomes Errata's home. The report (stdout) says
what was imported, repaired and converted, and what needs a person (file:line).

Exit status: 0 all imported, 1 some files failed (the rest is imported), 2 nothing could be done.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from errata.blog.importer import ImportOptions, find_docs, import_blog, tags_not_allowed
from errata.blog.theme import apply_site_config, site_settings_left
from errata.cli.repair import parse_timezone
from errata.contribution import load_allowed_tags
from errata.files import atomic_write
from errata.repair import RepairOptions


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="the blog: its repository or its docs/ folder")
    parser.add_argument("dest", type=Path, nargs="?", default=Path("docs"), help="the Errata docs/ folder (default: docs)")
    parser.add_argument("--mkdocs-yml", type=Path, metavar="FILE", help="write the blog's title, description and repository into FILE")
    parser.add_argument("--timezone", type=parse_timezone, default="+08:00", help="zone for dates without one (default +08:00)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.source.is_dir():
        print(f"error: {args.source}: not a folder", file=sys.stderr)
        return 2
    docs = find_docs(args.source)
    if args.dest.resolve().is_relative_to(docs.resolve()) or docs.resolve().is_relative_to(args.dest.resolve()):
        print(f"error: {args.dest} and the blog's {docs} overlap: import into another folder", file=sys.stderr)
        return 2
    if args.mkdocs_yml and not args.mkdocs_yml.is_file():
        print(f"error: {args.mkdocs_yml}: no such file", file=sys.stderr)
        return 2
    report = import_blog(args.source, args.dest, ImportOptions(RepairOptions(timezone=args.timezone)))
    if args.mkdocs_yml:
        text = args.mkdocs_yml.read_text(encoding="utf-8")
        new, changed = apply_site_config(text, report.config) if report.config and (report.config.source or report.config.url) else (text, [])
        if changed:
            atomic_write(args.mkdocs_yml, new.encode("utf-8"))
            print(f"{args.mkdocs_yml}: {', '.join(changed)}")
        report.needs_a_person += site_settings_left(new, changed, str(args.mkdocs_yml))
        tags_file = args.mkdocs_yml.parent / "tags.yml"  # where the contribution check finds it (beside mkdocs.yml)
        report.needs_a_person += tags_not_allowed(args.dest, report.essays, load_allowed_tags(tags_file), str(tags_file))
    sys.stdout.write(report.render())
    for line in report.failed:
        print(f"error: {line}", file=sys.stderr)
    if not report.essays and report.failed:
        return 2
    return 1 if report.failed else 0
