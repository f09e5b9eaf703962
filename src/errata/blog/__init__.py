"""Bringing a VuePress/vdoing blog across: its Markdown, its theme's pages and settings, its files.

- :mod:`.markup`: vdoing Markdown (containers, badges, code groups, fences) → plain Material Markdown;
- :mod:`.theme`: the theme's config, home page, card lists and catalogue pages;
- :mod:`.importer`: the plan of a whole import, its run and its report.

Nothing here imports MkDocs: the result is ordinary Markdown a person keeps editing.
"""
