"""Chart builders draw exactly the frame's values, with the titles and labels they are given.

Plotly 7 serialises numeric arrays as base64 ("bdata"), which AppTest cannot read; these tests
decode what the figure would send to the browser (``fig.to_dict()``).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui.charts import (
    clicked_cell,
    count_bar,
    grouped_bar,
    heatmap,
    lines,
    localised,
    square_grid,
    stacked_bar,
)

LABELS = {
    "period": "Periodo",
    "year": "Año",
    "body": "Órgano",
    "party": "Parte",
    "topic": "Tema",
    "level": "Nivel",
    "n_events": "Eventos",
    "n_officials": "Funcionarios",
    "share": "Proporción",
}


def values(array: Any) -> list[Any]:
    """A trace array as plain Python values, whether plotly kept it as a list, a tuple, a
    numpy array or the binary ``{"dtype", "bdata", "shape"}`` form."""
    if array is None:
        return []
    if isinstance(array, dict) and "bdata" in array:
        decoded = np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"]))
        if "shape" in array:
            shape = tuple(int(n) for n in str(array["shape"]).split(","))
            decoded = decoded.reshape(shape)
        return [values(v) if isinstance(v, np.ndarray) else v.item() for v in decoded]
    if isinstance(array, np.ndarray):
        return [values(v) if isinstance(v, np.ndarray) else _item(v) for v in array]
    return [values(v) if isinstance(v, list | tuple | np.ndarray) else _item(v) for v in array]


def _item(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def traces(fig: go.Figure) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = fig.to_dict()["data"]
    return data


def points(fig: go.Figure, *, horizontal: bool = False) -> set[tuple[Any, Any, Any]]:
    """(category, series, value) for every drawn point, from the serialised traces."""
    out: set[tuple[Any, Any, Any]] = set()
    for trace in traces(fig):
        xs, ys = values(trace.get("x")), values(trace.get("y"))
        assert len(xs) == len(ys)
        if horizontal:
            xs, ys = ys, xs
        out |= {(x, trace["name"], y) for x, y in zip(xs, ys, strict=True)}
    return out


def n_points(fig: go.Figure) -> int:
    return sum(len(values(trace.get("x"))) for trace in traces(fig))


def test_values_decodes_binary_arrays() -> None:
    fig = go.Figure(go.Bar(x=["a", "b"], y=np.array([3, 4], dtype=np.int64)))
    serialised = fig.to_dict()["data"][0]["y"]
    assert isinstance(serialised, dict)
    assert values(serialised) == [3, 4]
    assert values(fig.data[0].y) == [3, 4]
    matrix = go.Figure(go.Heatmap(z=np.array([[1, 2], [3, 4]]))).to_dict()["data"][0]["z"]
    assert isinstance(matrix, dict)
    assert values(matrix) == [[1, 2], [3, 4]]


# --- stacked_bar ------------------------------------------------------------------------------


@pytest.fixture
def per_period() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "period": ["2021", "2021", "2022", "2023", "2023"],
            "body": ["Comité PyME", "CLC", "Comité PyME", "CLC", "Revisión"],
            "n_events": [1, 2, 3, 4, 5],
        }
    )


def test_stacked_bar(per_period: pl.DataFrame) -> None:
    fig = stacked_bar(
        per_period, x="period", y="n_events", color="body", labels=LABELS, title="Eventos"
    )
    assert isinstance(fig, go.Figure)
    assert points(fig) == set(per_period.iter_rows())
    assert n_points(fig) == per_period.height
    assert [t["type"] for t in traces(fig)] == ["bar"] * 3
    assert [t["name"] for t in traces(fig)] == ["Comité PyME", "CLC", "Revisión"]
    layout = fig.layout
    assert layout.title.text == "Eventos"
    assert layout.xaxis.title.text == "Periodo"
    assert layout.yaxis.title.text == "Eventos"
    assert layout.legend.title.text == "Órgano"
    assert layout.barmode == "stack"
    assert layout.xaxis.type == "category"
    assert list(layout.xaxis.categoryarray) == ["2021", "2022", "2023"]


def test_stacked_bar_keeps_frame_order_of_categories() -> None:
    frame = pl.DataFrame({"confidence": ["Low", "High"], "status": ["Held", "Held"], "n": [2, 7]})
    fig = stacked_bar(frame, x="confidence", y="n", color="status", labels={}, title="Mix")
    assert list(fig.layout.xaxis.categoryarray) == ["Low", "High"]
    assert points(fig) == {("Low", "Held", 2), ("High", "Held", 7)}
    # Without a label, axes and legend show the column name.
    assert fig.layout.xaxis.title.text == "confidence"
    assert fig.layout.legend.title.text == "status"


# --- lines ------------------------------------------------------------------------------------


def test_lines(per_period: pl.DataFrame) -> None:
    fig = lines(per_period, x="period", y="n_events", color="body", labels=LABELS, title="T")
    assert points(fig) == set(per_period.iter_rows())
    assert n_points(fig) == per_period.height
    assert {t["type"] for t in traces(fig)} == {"scatter"}
    assert all(t["mode"] == "lines+markers" for t in traces(fig))
    assert fig.layout.title.text == "T"
    assert fig.layout.xaxis.title.text == "Periodo"
    assert fig.layout.yaxis.title.text == "Eventos"
    assert fig.layout.legend.title.text == "Órgano"
    assert fig.layout.xaxis.type == "category"
    assert list(fig.layout.xaxis.categoryarray) == ["2021", "2022", "2023"]
    assert fig.layout.yaxis.tickformat is None


def test_lines_percent_and_float_values() -> None:
    frame = pl.DataFrame(
        {
            "year": [2023, 2022, 2022],
            "topic": ["PyMEs", "PyMEs", "Trabajo"],
            "share": [0.5, 0.25, 0.75],
        }
    )
    fig = lines(frame, x="year", y="share", color="topic", labels=LABELS, title="S", percent=True)
    assert points(fig) == {(2023, "PyMEs", 0.5), (2022, "PyMEs", 0.25), (2022, "Trabajo", 0.75)}
    assert fig.layout.yaxis.tickformat == ".0%"
    assert fig.layout.yaxis.title.text == "Proporción"
    assert list(fig.layout.xaxis.categoryarray) == [2022, 2023]


# --- heatmap ----------------------------------------------------------------------------------


def test_heatmap_leaves_missing_cells_empty() -> None:
    frame = pl.DataFrame(
        {
            "topic": ["PyMEs", "PyMEs", "Trabajo", "Energía"],
            "year": [2021, 2023, 2022, 2023],
            "n_events": [2, 5, 1, 3],
        }
    )
    fig = heatmap(frame, x="year", y="topic", z="n_events", labels=LABELS, title="Tema × año")
    [trace] = traces(fig)
    assert trace["type"] == "heatmap"
    assert values(trace["x"]) == ["2021", "2022", "2023"]
    assert values(trace["y"]) == ["Trabajo", "PyMEs", "Energía"]
    assert values(trace["z"]) == [
        [None, 1, None],
        [2, None, 5],
        [None, None, 3],
    ]
    assert fig.layout.title.text == "Tema × año"
    assert fig.layout.xaxis.title.text == "Año"
    assert fig.layout.yaxis.title.text == "Tema"
    assert trace["colorbar"]["title"]["text"] == "Eventos"
    assert fig.layout.xaxis.type == "category"
    assert fig.layout.yaxis.type == "category"


def test_heatmap_every_cell_matches_the_frame() -> None:
    frame = pl.DataFrame(
        {
            "party": ["MX", "US", "CA", "MX", "US", "CA"],
            "body": ["CLC", "CLC", "CLC", "PyME", "PyME", "PyME"],
            "n_present": [3, 0, 2, 1, 1, 0],
        }
    )
    fig = heatmap(frame, x="party", y="body", z="n_present", labels={}, title="P")
    [trace] = traces(fig)
    xs, ys, zs = values(trace["x"]), values(trace["y"]), values(trace["z"])
    drawn = {(x, y, zs[i][j]) for i, y in enumerate(ys) for j, x in enumerate(xs)}
    assert drawn == set(frame.iter_rows())
    assert fig.layout.xaxis.title.text == "party"


def _topic_cells() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "topic": ["PyMEs", "PyMEs", "Trabajo", "Energía"],
            "year": [2021, 2023, 2022, 2023],
            "n_events": [2, 5, 1, 3],
            "topic_code": ["sme", "sme", "labor", "energy"],
        }
    )


def test_square_grid_draws_one_square_per_cell_with_its_count_and_codes() -> None:
    frame = _topic_cells()
    fig = square_grid(
        frame,
        x="year",
        y="topic",
        z="n_events",
        labels=LABELS,
        title="Tema × año",
        codes=["topic_code", "year"],
        lang="fr",
    )
    [trace] = traces(fig)
    assert trace["type"] == "scatter", "only points report a click to Streamlit"
    xs, ys = values(trace["x"]), values(trace["y"])
    counts = values(trace["marker"]["color"])
    drawn = set(zip(ys, xs, counts, strict=True))
    assert drawn == {(t, str(y), n) for t, y, n, _ in frame.iter_rows()}
    assert values(trace["text"]) == [str(n) for n in counts]
    assert [list(c) for c in trace["customdata"]] == [
        [code, year] for code, year in zip(frame["topic_code"], frame["year"], strict=True)
    ]
    assert fig.layout.yaxis.categoryarray == ("Trabajo", "PyMEs", "Energía")
    assert fig.layout.xaxis.categoryarray == ("2021", "2022", "2023")
    assert fig.layout.clickmode == "event+select"
    assert fig.layout.xaxis.title.text == "Año"
    assert trace["marker"]["colorbar"]["title"]["text"] == "Eventos"
    assert trace["hovertemplate"] == "%{y} · %{x}<br>Eventos : %{text}<extra></extra>"


def test_square_grid_of_nothing_is_an_empty_figure() -> None:
    empty = _topic_cells().clear()
    fig = square_grid(
        empty,
        x="year",
        y="topic",
        z="n_events",
        labels=LABELS,
        title="T",
        codes=["topic_code"],
        lang="es",
    )
    [trace] = traces(fig)
    assert values(trace["x"]) == []


def test_clicked_cell_reads_the_codes_of_the_clicked_square() -> None:
    selection = {
        "selection": {"points": [{"x": "2023", "y": "PyMEs", "customdata": ["sme", 2023]}]}
    }
    assert clicked_cell(selection) == ("sme", 2023)
    assert clicked_cell({"selection": {"points": []}}) is None
    assert clicked_cell({"selection": {"points": [{"x": "2023"}]}}) is None
    assert clicked_cell(None) is None


# --- grouped_bar ------------------------------------------------------------------------------


@pytest.fixture
def officials() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "level": ["Ministro", "Ministro", "Embajador", "Funcionario"],
            "party": ["México", "Canadá", "México", "Estados Unidos"],
            "n_officials": [4, 1, 2, 9],
        }
    )


def test_grouped_bar(officials: pl.DataFrame) -> None:
    fig = grouped_bar(
        officials, x="level", y="n_officials", color="party", labels=LABELS, title="Niveles"
    )
    assert points(fig) == set(officials.iter_rows())
    assert n_points(fig) == officials.height
    assert fig.layout.barmode == "group"
    assert fig.layout.title.text == "Niveles"
    assert fig.layout.xaxis.title.text == "Nivel"
    assert fig.layout.yaxis.title.text == "Funcionarios"
    assert fig.layout.legend.title.text == "Parte"
    assert fig.layout.xaxis.type == "category"


def test_grouped_bar_horizontal(officials: pl.DataFrame) -> None:
    fig = grouped_bar(
        officials,
        x="level",
        y="n_officials",
        color="party",
        labels=LABELS,
        title="H",
        horizontal=True,
    )
    assert all(t["orientation"] == "h" for t in traces(fig))
    assert points(fig, horizontal=True) == set(officials.iter_rows())
    assert fig.layout.yaxis.title.text == "Nivel"
    assert fig.layout.xaxis.title.text == "Funcionarios"
    assert fig.layout.barmode == "group"


@pytest.mark.parametrize(("top", "dtick"), [(3, 1), (10, 1), (11, None), (5_000, None)])
def test_count_bar_ticks_every_unit_only_for_small_counts(top: int, dtick: int | None) -> None:
    frame = pl.DataFrame({"kind": ["a", "b", "c"], "n": [0, top // 2, top]})
    fig = count_bar(frame, x="kind", y="n", labels={"n": "N"}, title="T")
    assert fig.layout.yaxis.dtick == dtick
    assert fig.layout.yaxis.rangemode == "tozero"
    assert list(fig.data[0].x) == ["a", "b", "c"]


@pytest.mark.parametrize(("n_bodies", "taller"), [(3, False), (16, True)])
def test_a_long_legend_gets_its_own_room_under_the_plot(n_bodies: int, taller: bool) -> None:
    """Issue 10 audit: at 390 px the 16-body legend of 'Events over time' was cut short."""
    frame = pl.DataFrame(
        {
            "period": ["2021"] * n_bodies,
            "body": [f"Body {i}" for i in range(n_bodies)],
            "n_events": [1] * n_bodies,
        }
    )
    fig = stacked_bar(frame, x="period", y="n_events", color="body", labels=LABELS, title="E")
    assert fig.layout.legend.y < 0, "the legend is under the plot, never over the title"
    assert (fig.layout.height > 450) is taller
    assert fig.layout.height >= 450 + (n_bodies - 6) * 22


def test_the_active_bodies_legend_is_under_the_plot_not_over_its_title() -> None:
    from dashboard.bodies.evidence import active_bodies_figure
    from dashboard.state.labels import Labels

    frame = pl.DataFrame({"year": [2021], "evidence": ["held_event"], "n_bodies": [3]})
    labels = Labels(lang="en", names={"evidence": {"held_event": "A dated meeting held"}})
    fig = active_bodies_figure(frame, labels, title="Bodies", axis={}, span_name="Spans")
    assert fig.layout.legend.y < 0


@pytest.mark.parametrize(("lang", "separators"), [("es", ",."), ("en", ".,"), ("fr", ",\u202f")])
def test_charts_use_the_language_s_decimal_and_group_signs(lang: str, separators: str) -> None:
    assert localised(go.Figure(), lang).layout.separators == separators


def test_a_page_draws_its_charts_with_the_language_s_separators(warehouse: Path) -> None:
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "streamlit_app.py"))
    at.query_params["lang"] = "fr"
    at.run(timeout=60)
    at.switch_page("dashboard/views/trends.py").run(timeout=60)
    specs = [json.loads(node.proto.spec) for node in at.get("plotly_chart")]
    assert specs, "the Trends page drew no chart"
    assert {spec["layout"].get("separators") for spec in specs} == {",\u202f"}
