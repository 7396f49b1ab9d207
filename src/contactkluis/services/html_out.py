"""Printable HTML pages (the access letter, the art. 30 register): escaped, A4, wrapping.

One stylesheet for screen and print: a table never runs off the page, its header row repeats
on every printed page and a row is not split across two pages where it fits on one.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from contactkluis.domain.messages import format_date, localized
from contactkluis.services.xlsx_out import local_moment

_STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt;margin:1.5em;color:#111}
h1{font-size:16pt;margin:0 0 .3em}
h2{font-size:12.5pt;margin:1.4em 0 .4em;break-after:avoid}
p,li{max-width:60em;line-height:1.35}
table{border-collapse:collapse;width:100%%;table-layout:auto;margin-bottom:1em}
th,td{border:1px solid #888;padding:3px 5px;vertical-align:top;text-align:left;
 overflow-wrap:anywhere;word-break:normal;hyphens:auto}
th{background:#e8eef4}
thead{display:table-header-group}
tr{break-inside:avoid}
.meta{color:#444}
td.d{white-space:nowrap}
@page{size:A4 %(orientation)s;margin:12mm}
@media print{body{margin:0;font-size:%(print_size)s}a{color:inherit;text-decoration:none}}
"""


def text(value: Any, lang: str) -> str:
    """One value as a person reads it: dates in the chosen language, ja/nee, escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return localized("ja", "yes", lang) if value else localized("nee", "no", lang)
    if isinstance(value, datetime):
        moment = local_moment(value)
        return f"{format_date(moment.date(), lang)} {moment:%H:%M}"
    if isinstance(value, date):
        return format_date(value, lang)
    return html.escape(str(value)).replace("\n", "<br>")


def _td(value: Any, lang: str) -> str:
    nowrap = ' class="d"' if isinstance(value, date) else ""  # 15-01-2020 on one line
    return f"<td{nowrap}>{text(value, lang)}</td>"


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], lang: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(_td(v, lang) for v in row) + "</tr>" for row in rows)
    # The attributes are for LibreOffice's HTML import, which ignores the CSS borders.
    return (
        '<table border="1" cellspacing="0" cellpadding="3">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"
    )


def page(title: str, body: str, lang: str, *, landscape: bool = False) -> str:
    style = _STYLE % {
        "orientation": "landscape" if landscape else "portrait",
        "print_size": "7.5pt" if landscape else "9.5pt",
    }
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>\n<style>{style}</style></head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n{body}</body>\n</html>\n"
    )
