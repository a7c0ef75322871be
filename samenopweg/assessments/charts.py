"""The scaling trend chart: an inline SVG drawn on the server, and the same numbers as a table.

No JavaScript and no chart library: the SVG is a string built here. Every text that reaches it is
escaped, so the result may be inserted into a page as is. The output depends only on the input
(no random ids, no clock), which keeps it cacheable and testable.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenopweg.core.svgtext import fit, text_width

SCALE_MIN, SCALE_MAX = 0, 10

# viewBox units. Narrow on purpose: on a phone the card is about 324 px wide, so a text of 13
# units stays at least 12 px; on a desktop the stylesheet caps the width (app.css, "Diagrams").
WIDTH = 340
LEFT, RIGHT = 30, 12
AXIS_TITLE_HEIGHT = 24  # the y axis' title above the plot
TOP = AXIS_TITLE_HEIGHT + 8
PLOT_HEIGHT = 200
X_LABELS_HEIGHT = 30
LEGEND_ROW = 22
LEGEND_LEFT = 8
FONT_SIZE = 13
X_PADDING = 24
MIN_LABEL_SPACING = 68  # a "dd/mm/yy" label at 13 units is 52 to 63 wide
# Markers with the same number on the same date stand side by side, this far apart (a marker is
# about 9 units wide), or closer when a crowd would reach the next date.
MARKER_STEP, MARKER_STEP_MIN = 10.0, 6.0
INK, MUTED, GRID, GRID_STRONG = "#1d2430", "#4a5568", "#dde3ea", "#8593a3"

# Each colour has a contrast of at least 4.5:1 on white (more than the 3:1 graphics need);
# together with the dash patterns and marker shapes no line is told apart by colour alone.
COLOURS = (
    "#1a56db",
    "#b3261e",
    "#1d6b2f",
    "#7b2cbf",
    "#8a4b00",
    "#0e7490",
    "#a3236b",
    "#374151",
)
DASHES = ("", "9 5", "2 4", "12 4 3 4", "5 5", "16 5", "3 3 9 3", "1 3")
MARKERS = ("circle", "square", "diamond", "triangle", "triangle-down", "cross", "circle", "square")


@dataclass(frozen=True)
class Series:
    """One line: a person or a professional role, with their number on each date."""

    label: str
    points: Sequence[tuple[datetime.date, int]]
    key: str = ""


@dataclass(frozen=True)
class TrendRow:
    held_on: datetime.date
    values: list[int | None]


@dataclass(frozen=True)
class TrendTable:
    """Every number per date (rows) per person or role (columns): the chart's text alternative."""

    labels: list[str]
    rows: list[TrendRow] = field(default_factory=list)


def long_date(day: datetime.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def short_date(day: datetime.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}"


def _by_date(series: Series) -> dict[datetime.date, int]:
    """The series' numbers by date; of two numbers on one date the later one counts."""
    values: dict[datetime.date, int] = {}
    for day, value in series.points:
        values[day] = max(SCALE_MIN, min(SCALE_MAX, int(value)))
    return values


def _dates(series: Sequence[Series]) -> list[datetime.date]:
    return sorted({day for s in series for day, _value in s.points})


def trend_table(series: Sequence[Series]) -> TrendTable:
    """The numbers of `trend_chart_svg` as rows of a table, one per date."""
    dates = _dates(series)
    columns = [_by_date(s) for s in series]
    return TrendTable(
        labels=[s.label for s in series],
        rows=[TrendRow(held_on=day, values=[c.get(day) for c in columns]) for day in dates],
    )


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _marker(shape: str, x: float, y: float, colour: str, tip: str) -> str:
    r = 4.5
    common = f'fill="{colour}" stroke="#ffffff" stroke-width="1.5"'
    title = f"<title>{tip}</title>"
    if shape == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" {common}>{title}</circle>'
    if shape == "square":
        s = r * 1.7
        return (
            f'<rect x="{_num(x - s / 2)}" y="{_num(y - s / 2)}" width="{_num(s)}" '
            f'height="{_num(s)}" {common}>{title}</rect>'
        )
    offsets = {
        "diamond": [(0, -1.35), (1.35, 0), (0, 1.35), (-1.35, 0)],
        "triangle": [(0, -1.4), (1.3, 1), (-1.3, 1)],
        "triangle-down": [(0, 1.4), (1.3, -1), (-1.3, -1)],
        "cross": [
            (-0.45, -1.3),
            (0.45, -1.3),
            (0.45, -0.45),
            (1.3, -0.45),
            (1.3, 0.45),
            (0.45, 0.45),
            (0.45, 1.3),
            (-0.45, 1.3),
            (-0.45, 0.45),
            (-1.3, 0.45),
            (-1.3, -0.45),
            (-0.45, -0.45),
        ],
    }[shape]
    points = " ".join(f"{_num(x + dx * r)},{_num(y + dy * r)}" for dx, dy in offsets)
    return f'<polygon points="{points}" {common}>{title}</polygon>'


def _description(series: Sequence[Series], dates: list[datetime.date]) -> str:
    if not dates:
        return _("Nog geen cijfers.")
    people = ngettext("%(n)d persoon of rol", "%(n)d personen of rollen", len(series)) % {
        "n": len(series)
    }
    moments = ngettext("%(n)d moment", "%(n)d momenten", len(dates)) % {"n": len(dates)}
    parts = [
        _(
            "Lijngrafiek van de cijfers van 0 tot 10 van %(people)s op %(moments)s, "
            "van %(first)s tot %(last)s."
        )
        % {
            "people": people,
            "moments": moments,
            "first": long_date(dates[0]),
            "last": long_date(dates[-1]),
        }
    ]
    latest = []
    for s in series:
        values = _by_date(s)
        if values:
            day = max(values)
            latest.append(
                _("%(who)s %(value)d op %(day)s")
                % {"who": s.label, "value": values[day], "day": long_date(day)}
            )
    if latest:
        parts.append(_("Laatste cijfers: %(list)s.") % {"list": "; ".join(latest)})
    parts.append(_("De tabel bij de grafiek toont elk cijfer."))
    return " ".join(parts)


def _offsets(
    columns: Sequence[dict[datetime.date, int]], dates: list[datetime.date], spacing: float
) -> dict[tuple[int, datetime.date], float]:
    """How far each marker moves sideways: side by side when numbers on one date are equal."""
    shift: dict[tuple[int, datetime.date], float] = {}
    for day in dates:
        groups: dict[int, list[int]] = {}
        for n, values in enumerate(columns):
            if day in values:
                groups.setdefault(values[day], []).append(n)
        for members in groups.values():
            k = len(members)
            step = MARKER_STEP
            if k > 1 and (k - 1) * step > spacing - MARKER_STEP:
                step = max(MARKER_STEP_MIN, (spacing - MARKER_STEP) / (k - 1))
            for j, n in enumerate(members):
                shift[(n, day)] = (j - (k - 1) / 2) * step
    return shift


def trend_chart_svg(
    series: Sequence[Series],
    *,
    title: str,
    id_prefix: str = "trend",
    axis_label: str | None = None,
) -> str:
    """An accessible SVG line chart of numbers 0-10 over time, one line per series.

    `role="img"` with a <title> and a <desc> (named through aria-labelledby); ids start with
    `id_prefix`, so several charts can share a page. `axis_label` is the y axis' title, what
    10 means (by default the scaling's "veilig genoeg"). The result is escaped and marked safe.
    Equal numbers on one date stand side by side, so every marker stays visible.
    """
    prefix = re.sub(r"[^A-Za-z0-9_-]", "-", id_prefix) or "trend"
    dates = _dates(series)
    index = {day: i for i, day in enumerate(dates)}
    columns_of_values = [_by_date(s) for s in series]
    plot_left, plot_right = LEFT, WIDTH - RIGHT
    plot_width = plot_right - plot_left
    plot_bottom = TOP + PLOT_HEIGHT
    # The widest crowd of equal numbers decides how far the first and last date stay inside.
    spacing = (plot_width - 2 * X_PADDING) / max(1, len(dates) - 1)
    shifts = _offsets(columns_of_values, dates, spacing if len(dates) > 1 else plot_width)
    padding = max([X_PADDING] + [abs(v) + 8 for v in shifts.values()])
    column_width = (WIDTH - LEGEND_LEFT) / 2
    columns = 2 if all(text_width(s.label, FONT_SIZE) <= column_width - 38 for s in series) else 1
    legend_rows = -(-len(series) // columns)
    height = plot_bottom + X_LABELS_HEIGHT + legend_rows * LEGEND_ROW + 6

    def x_of(i: int) -> float:
        if len(dates) <= 1:
            return plot_left + plot_width / 2
        usable = plot_width - 2 * padding
        return plot_left + padding + usable * i / (len(dates) - 1)

    def y_of(value: float) -> float:
        return TOP + PLOT_HEIGHT * (SCALE_MAX - value) / (SCALE_MAX - SCALE_MIN)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" '
        f"font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">",
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(_description(series, dates))}</desc>',
        # White behind the lines: their contrast is measured against it, whatever the page colour.
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
    ]

    # Gridlines: a light one per number, 0, 5 and 10 stronger; the even numbers and 5 labelled.
    out.append('<g class="grid">')
    if axis_label is None:
        axis_label = _("Cijfer van 0 tot 10 (10 = veilig genoeg)")
    axis_title = fit(axis_label, WIDTH - 2 * LEGEND_LEFT, FONT_SIZE, bold=True)
    out.append(
        f'<text class="axis-title" x="{LEGEND_LEFT}" y="{AXIS_TITLE_HEIGHT - 8}" '
        f'font-size="{FONT_SIZE}" font-weight="600" fill="{INK}">{escape(axis_title)}</text>'
    )
    for value in range(SCALE_MIN, SCALE_MAX + 1):
        gy = _num(y_of(value))
        strong = value in (SCALE_MIN, 5, SCALE_MAX)
        out.append(
            f'<line x1="{plot_left}" y1="{gy}" x2="{plot_right}" y2="{gy}" '
            f'stroke="{GRID_STRONG if strong else GRID}" stroke-width="1"/>'
        )
        if value % 2 == 0 or strong:
            out.append(
                f'<text x="{plot_left - 6}" y="{gy}" dy="0.35em" text-anchor="end" '
                f'font-size="{FONT_SIZE}" fill="{INK}">{value}</text>'
            )
    out.append(
        f'<line x1="{plot_left}" y1="{TOP}" x2="{plot_left}" y2="{plot_bottom}" '
        f'stroke="{GRID_STRONG}" stroke-width="1"/>'
    )
    # Date labels: all of them when they fit, otherwise every k-th one and always the last.
    if dates:
        for i in _labelled(len(dates), plot_width - 2 * padding):
            out.append(
                f'<text x="{_num(x_of(i))}" y="{plot_bottom + 22}" text-anchor="middle" '
                f'font-size="{FONT_SIZE}" fill="{MUTED}">{short_date(dates[i])}</text>'
            )
    else:
        out.append(
            f'<text x="{_num(plot_left + plot_width / 2)}" y="{_num(TOP + PLOT_HEIGHT / 2)}" '
            f'text-anchor="middle" font-size="14" fill="{MUTED}">{escape(_("Nog geen cijfers."))}</text>'
        )
    out.append("</g>")

    out.append('<g class="lines">')
    for n, s in enumerate(series):
        colour, dash, shape = (
            COLOURS[n % len(COLOURS)],
            DASHES[n % len(DASHES)],
            MARKERS[n % len(MARKERS)],
        )
        values = columns_of_values[n]
        coords = [
            (x_of(index[day]) + shifts.get((n, day), 0.0), y_of(v), day, v)
            for day, v in sorted(values.items())
        ]
        label = escape(s.label)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="series series-{n}">')
        out.append(
            f'<polyline points="{" ".join(f"{_num(x)},{_num(y)}" for x, y, _d, _v in coords)}" '
            f'fill="none" stroke="{colour}" stroke-width="2.5" stroke-linejoin="round" '
            f'stroke-linecap="round"{dash_attr}/>'
        )
        for x, y, day, v in coords:
            out.append(_marker(shape, x, y, colour, f"{label}, {long_date(day)}: {v}"))
        out.append("</g>")
    out.append("</g>")

    # The legend: a line sample with its marker, and the name, in one or two columns.
    out.append('<g class="legend">')
    column_width = (WIDTH - LEGEND_LEFT) / columns
    for n, s in enumerate(series):
        colour, dash, shape = (
            COLOURS[n % len(COLOURS)],
            DASHES[n % len(DASHES)],
            MARKERS[n % len(MARKERS)],
        )
        row, column = divmod(n, columns)
        x = LEGEND_LEFT + column * column_width
        y = plot_bottom + X_LABELS_HEIGHT + row * LEGEND_ROW + LEGEND_ROW / 2
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x + 30)}" y2="{_num(y)}" '
            f'stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        )
        out.append(_marker(shape, x + 15, y, colour, escape(s.label)))
        out.append(
            f'<text x="{_num(x + 38)}" y="{_num(y)}" dy="0.35em" font-size="{FONT_SIZE}" '
            f'fill="{INK}">{escape(fit(s.label, column_width - 44, FONT_SIZE))}</text>'
        )
    out.append("</g></svg>")
    return _safe("".join(out))


def _labelled(count: int, usable: float) -> list[int]:
    """Which dates get a label: all when they fit, else every k-th one, and always the last."""
    if count <= 1:
        return list(range(count))
    step = max(1, math.ceil(MIN_LABEL_SPACING * (count - 1) / usable))
    shown = list(range(0, count, step))
    if shown[-1] != count - 1:
        if count - 1 - shown[-1] < step and len(shown) > 1:
            shown[-1] = count - 1
        else:
            shown.append(count - 1)
    return shown


def _safe(markup: str) -> SafeString:
    # Every text above went through escape(); numbers and colours are our own.
    return mark_safe(markup)
