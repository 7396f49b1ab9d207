"""Printable HTML pages (the access letter, the art. 30 register): escaped, A4, wrapping.

One stylesheet for screen and print: a table never runs off the page, its header row repeats
on every printed page and a row is not split across two pages where it fits on one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from contactkluis.domain.messages import format_date, localized
from contactkluis.services.xlsx_out import local_moment

_STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:%(size)s;margin:1.5em;color:#111}
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
@media print{body{margin:0}a{color:inherit;text-decoration:none}}
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
    if isinstance(value, date):
        # 15-01-2020 on one line. LibreOffice ignores the CSS and the nowrap attribute, and
        # sizes the column a hair too narrow: the trailing no-break space makes the room.
        return f'<td class="d" nowrap>{text(value, lang)}&nbsp;</td>'
    return f"<td>{text(value, lang)}</td>"


# A joint in a Dutch compound: the linking s before the next part (not "sch") ("verwerkings|verant-
# woordelijke", "persoons|gegevens"), with at least five letters on either side.
_JOINT = re.compile(r"(?<=\w{4}s)(?=[bdfghjklmnpqrtvwxz]\w{4})")


def _breakable(header: str) -> str:
    """A header whose long compounds may break at a joint: the longest word of a header sets
    its column's narrowest width, and ten columns must share A4. A zero-width space, not a
    soft hyphen: LibreOffice ignores soft hyphens when it sizes a table and cuts the last
    columns off the page."""
    return html.escape(_JOINT.sub("\u200b", header))


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], lang: str) -> str:
    head = "".join(f"<th>{_breakable(h)}</th>" for h in headers)
    body = "\n".join(
        '<tr valign="top">' + "".join(_td(v, lang) for v in row) + "</tr>" for row in rows
    )
    # The attributes are for LibreOffice's HTML import, which ignores the CSS for borders,
    # alignment and the table's width (it would let the last columns run off the page).
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">\n'
        f'<thead><tr valign="bottom">{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n'
    )


def page(title: str, body: str, lang: str, *, landscape: bool = False, size: str = "10pt") -> str:
    """A whole page; `size` is the body text (smaller where many columns share the width)."""
    style = _STYLE % {"orientation": "landscape" if landscape else "portrait", "size": size}
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>\n<style>{style}</style></head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n{body}</body>\n</html>\n"
    )
