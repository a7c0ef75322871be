"""The trend chart: well-formed, accessible, escaped and deterministic (its speed: bench/)."""

from __future__ import annotations

import datetime
import itertools
import xml.etree.ElementTree as ET

from samenopweg.assessments.charts import (
    COLOURS,
    DASHES,
    Series,
    trend_chart_svg,
    trend_table,
)
from samenopweg.core.svgtext import font_sizes, svg_text_boxes

SVG = "{http://www.w3.org/2000/svg}"
D1, D2, D3 = datetime.date(2026, 1, 10), datetime.date(2026, 2, 14), datetime.date(2026, 3, 21)


def _series() -> list[Series]:
    return [
        Series(label="An (moeder)", points=[(D1, 4), (D2, 6), (D3, 7)]),
        Series(label="Noor (kind)", points=[(D2, 5), (D3, 8)]),
        Series(label="Consulent", points=[(D1, 2), (D2, 3), (D3, 3)]),
    ]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_it_is_well_formed_xml_with_a_title_and_a_description() -> None:
    root = _parse(trend_chart_svg(_series(), title="Verloop", id_prefix="t1"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "t1-title t1-desc"
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.get("width") is None  # sized by CSS: it follows the width of the page
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Verloop" and title.get("id") == "t1-title"
    assert desc is not None and desc.get("id") == "t1-desc"
    assert "An (moeder) 7 op 21/03/2026" in (desc.text or "")
    assert "Consulent 3 op 21/03/2026" in (desc.text or "")


def test_it_draws_one_polyline_per_series_with_a_marker_per_number() -> None:
    root = _parse(trend_chart_svg(_series(), title="Verloop"))
    lines = root.findall(f".//{SVG}g[@class='lines']/{SVG}g")
    assert len(lines) == 3
    for group, expected_points in zip(lines, (3, 2, 3), strict=True):
        polylines = group.findall(f"{SVG}polyline")
        assert len(polylines) == 1
        assert len(polylines[0].get("points", "").split()) == expected_points
        assert len(list(group)) == 1 + expected_points  # the line and one marker per number
    assert len(root.findall(f".//{SVG}polyline")) == 3


def test_lines_differ_in_dash_pattern_and_colour_not_only_colour() -> None:
    root = _parse(trend_chart_svg(_series(), title="Verloop"))
    polylines = root.findall(f".//{SVG}g[@class='lines']//{SVG}polyline")
    dashes = [p.get("stroke-dasharray") for p in polylines]
    colours = [p.get("stroke") for p in polylines]
    assert len(set(dashes)) == 3
    assert len(set(colours)) == 3
    assert len(set(DASHES)) == len(DASHES)


def _contrast(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_every_line_colour_has_enough_contrast_on_white() -> None:
    assert all(_contrast(colour) >= 4.5 for colour in COLOURS), [
        (c, round(_contrast(c), 2)) for c in COLOURS
    ]


def test_it_has_axes_from_0_to_10_with_gridlines_and_the_dates() -> None:
    root = _parse(trend_chart_svg(_series(), title="Verloop"))
    grid = root.find(f".//{SVG}g[@class='grid']")
    assert grid is not None
    texts = [t.text for t in grid.findall(f"{SVG}text")]
    for label in ("0", "2", "5", "8", "10", "10/01/26", "14/02/26", "21/03/26"):
        assert label in texts
    assert len(grid.findall(f"{SVG}line")) == 11 + 1  # one per number, and the y axis


def test_it_has_a_legend_in_text() -> None:
    root = _parse(trend_chart_svg(_series(), title="Verloop"))
    legend = root.find(f".//{SVG}g[@class='legend']")
    assert legend is not None
    assert [t.text for t in legend.findall(f"{SVG}text")] == [
        "An (moeder)",
        "Noor (kind)",
        "Consulent",
    ]


def test_it_escapes_every_name_and_the_title() -> None:
    evil = "<script>alert('x')</script> & \"co\""
    svg = trend_chart_svg(
        [Series(label=evil, points=[(D1, 3)])], title="<b>titel</b>", id_prefix='x"><y'
    )
    assert "<script>" not in svg
    assert "<b>" not in svg
    assert 'x"><y' not in svg
    root = _parse(svg)  # still well-formed, and the text comes back unchanged
    legend = root.find(f".//{SVG}g[@class='legend']")
    assert legend is not None
    assert legend.findall(f"{SVG}text")[0].text == evil
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "<b>titel</b>"
    desc = root.find(f"{SVG}desc")
    assert desc is not None and evil in (desc.text or "")


def test_it_is_deterministic() -> None:
    assert trend_chart_svg(_series(), title="a") == trend_chart_svg(_series(), title="a")


def test_an_empty_chart_says_there_are_no_numbers() -> None:
    root = _parse(trend_chart_svg([], title="Leeg"))
    assert "Nog geen cijfers." in "".join(root.itertext())
    assert root.findall(f".//{SVG}polyline") == []


def test_a_single_number_is_still_drawn() -> None:
    root = _parse(trend_chart_svg([Series(label="An", points=[(D1, 0)])], title="Eén"))
    assert len(root.findall(f".//{SVG}g[@class='lines']//{SVG}circle")) == 1


def test_the_table_lists_every_number_per_date_per_person() -> None:
    table = trend_table(_series())
    assert table.labels == ["An (moeder)", "Noor (kind)", "Consulent"]
    assert [(row.held_on, row.values) for row in table.rows] == [
        (D1, [4, None, 2]),
        (D2, [6, 5, 3]),
        (D3, [7, 8, 3]),
    ]


def test_of_two_numbers_on_one_date_the_later_counts() -> None:
    table = trend_table([Series(label="An", points=[(D1, 2), (D1, 5)])])
    assert table.rows[0].values == [5]


def test_many_dates_get_labels_that_do_not_overlap() -> None:
    dates = [D1 + datetime.timedelta(days=14 * i) for i in range(20)]
    root = _parse(trend_chart_svg([Series(label="An", points=[(d, 5) for d in dates])], title="x"))
    grid = root.find(f".//{SVG}g[@class='grid']")
    assert grid is not None
    xs = [float(t.get("x", 0)) for t in grid.findall(f"{SVG}text") if "/" in (t.text or "")]
    assert xs[-1] > xs[0]
    assert all(b - a >= 50 for a, b in zip(xs, xs[1:], strict=False))
    assert grid.findall(f"{SVG}text")[-1].text == "03/10/26"  # the last date always shows


def test_it_draws_five_pairs_of_ten_rounds_of_six_people_in_full() -> None:
    """The bench's size (5 pairs, 10 rounds, 6 people): every line, marker and row is there.

    How long drawing them takes is measured by bench/profile_pages.py ("trend charts alone"),
    not here: a wall-clock limit fails on a busy machine without anything being wrong.
    """
    dates = [D1 + datetime.timedelta(days=30 * i) for i in range(10)]
    people = [
        Series(label=f"Persoon {p}", points=[(d, (p + i) % 11) for i, d in enumerate(dates)])
        for p in range(6)
    ]
    for pair in range(5):
        root = _parse(trend_chart_svg(people, title=f"Paar {pair}", id_prefix=f"p{pair}"))
        assert root.get("aria-labelledby") == f"p{pair}-title p{pair}-desc"
        lines = root.findall(f".//{SVG}g[@class='lines']/{SVG}g")
        assert len(lines) == 6
        for group in lines:
            assert len(group.findall(f"{SVG}polyline")[0].get("points", "").split()) == 10
            assert len(list(group)) == 1 + 10  # the line and one marker per number
        table = trend_table(people)
        assert [row.held_on for row in table.rows] == dates
        assert all(len(row.values) == 6 and None not in row.values for row in table.rows)


def _marker_centres(root: ET.Element) -> list[tuple[float, float]]:
    centres = []
    for group in root.findall(f".//{SVG}g[@class='lines']/{SVG}g"):
        for marker in list(group)[1:]:
            if marker.tag == f"{SVG}circle":
                centres.append((float(marker.get("cx", 0)), float(marker.get("cy", 0))))
            elif marker.tag == f"{SVG}rect":
                w = float(marker.get("width", 0))
                centres.append(
                    (float(marker.get("x", 0)) + w / 2, float(marker.get("y", 0)) + w / 2)
                )
            else:
                points = [tuple(map(float, p.split(","))) for p in marker.get("points", "").split()]
                centres.append(
                    (
                        (min(p[0] for p in points) + max(p[0] for p in points)) / 2,
                        (min(p[1] for p in points) + max(p[1] for p in points)) / 2,
                    )
                )
    return centres


def test_equal_numbers_on_one_date_stand_side_by_side() -> None:
    """Issue 12, point 7: three people who give the same number do not hide each other."""
    same = [Series(label=name, points=[(D1, 5), (D2, 6)]) for name in ("An", "Noor", "Jan")]
    centres = _marker_centres(_parse(trend_chart_svg(same, title="Gelijk")))
    assert len(centres) == 6
    for a, b in itertools.combinations(centres, 2):
        if abs(a[1] - b[1]) < 1:  # the same number
            assert abs(a[0] - b[0]) >= 9, (a, b)


def test_different_numbers_stay_on_their_date() -> None:
    centres = _marker_centres(
        _parse(trend_chart_svg([Series("An", [(D1, 2)]), Series("Noor", [(D1, 7)])], title="x"))
    )
    assert centres[0][0] == centres[1][0]


def test_eight_equal_numbers_on_many_dates_still_stay_inside_the_plot() -> None:
    dates = [D1 + datetime.timedelta(days=30 * i) for i in range(10)]
    crowd = [Series(label=f"P{p}", points=[(d, 5) for d in dates]) for p in range(8)]
    root = _parse(trend_chart_svg(crowd, title="x"))
    xs = sorted(x for x, _y in _marker_centres(root))
    assert xs[0] > 30 and xs[-1] < 330
    assert len(set(xs)) == 80  # none exactly on top of another


def test_the_y_axis_says_what_the_numbers_mean() -> None:
    root = _parse(trend_chart_svg(_series(), title="Verloop"))
    title = root.find(f".//{SVG}text[@class='axis-title']")
    assert title is not None and title.text == "Cijfer van 0 tot 10 (10 = veilig genoeg)"


def test_another_scale_names_its_own_y_axis_escaped_and_fitted() -> None:
    label = "Cijfer van 0 tot 10 (10 = heel <goed>)"
    chart = trend_chart_svg(_series(), title="Verloop", axis_label=label)
    root = _parse(chart)
    title = root.find(f".//{SVG}text[@class='axis-title']")
    assert title is not None and title.text == label
    assert "veilig genoeg" not in chart
    long = trend_chart_svg(_series(), title="Verloop", axis_label="Heel lang " * 20)
    view, boxes = svg_text_boxes(long)
    assert all(box.inside(view) for _text, box in boxes), boxes


def test_every_text_fits_in_the_drawing_without_touching_another() -> None:
    long = "Grootmoeder langs vaderskant Marie-Louise Vandenbroucke"
    series = [*_series(), Series(label=long, points=[(D1, 4), (D3, 3)])]
    for chart in (trend_chart_svg(_series(), title="a"), trend_chart_svg(series, title="b")):
        view, boxes = svg_text_boxes(chart)
        assert all(box.inside(view) for _text, box in boxes), boxes
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
            assert not box_a.overlaps(box_b), (a, b)
        # 13 units in a 340-unit drawing: at least 12 px on a phone's 324 px wide card.
        assert min(font_sizes(chart)) >= 13
