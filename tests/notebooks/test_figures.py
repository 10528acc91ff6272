"""Every figure of every notebook tells its series apart by more than colour (WCAG 2.1, 1.4.1 Use of Color).

Each instructor notebook runs headless with a recorder in its kernel: every figure it displays is described, axes
by axes, by its legend's entries (what a reader must tell apart) and its scatter plots. Two lines of one axes
that differ in colour alone (same marker, same line style), a scatter whose points differ in colour alone, or a
shaded region with neither a hatch nor an edge, fails.
"""

import json

import nbformat
import pytest
from nbclient import NotebookClient

from tests.helpers import NOTEBOOK_PATHS

pytestmark = pytest.mark.slow

#: Run first in each notebook's kernel: every figure displayed is summarized into the file RECORD.
RECORDER = """
import json as _json
import matplotlib as _mpl
import numpy as _np
from IPython import get_ipython as _ipython
from matplotlib.figure import Figure as _Figure

_ipython().run_line_magic("matplotlib", "inline")  # the notebooks' backend, which registers its figure printer
_png = _ipython().display_formatter.formatters["image/png"]
_draw = _png.lookup_by_type(_Figure)


def _entry(handle, label):
    kind = type(handle).__name__
    entry = {"label": label, "kind": kind}
    if kind == "Line2D":
        visible = handle.get_linestyle() not in ("None", "", " ") and handle.get_linewidth() > 0
        # the dash pattern itself: a legend draws a dotted LineCollection as a Line2D whose style reads "--"
        entry |= {"marker": str(handle.get_marker()), "visible_line": visible,
                  "linestyle": str(handle._unscaled_dash_pattern) if visible else None}
    elif kind == "PathCollection":  # scatter points: their marker's outline
        entry |= {"marker": _np.round(handle.get_paths()[0].vertices, 3).tolist() if handle.get_paths() else []}
    else:  # a patch or a collection: its first edge colour and width
        edge = _np.atleast_2d(_mpl.colors.to_rgba_array(handle.get_edgecolor()))
        width = _np.atleast_1d(handle.get_linewidth())
        entry |= {"hatch": handle.get_hatch() or "", "edge_alpha": float(edge[0][3]) if len(edge) else 0.0,
                  "linewidth": float(width[0]) if len(width) else 0.0,
                  "filled": bool(handle.get_fill()) if hasattr(handle, "get_fill") else True}
    return entry


def _record(fig):
    axes = []
    for ax in fig.axes:
        legend = ax.get_legend()  # the legend drawn, whatever handles it was given; else what one would list
        handles, labels = ((legend.legend_handles, [t.get_text() for t in legend.get_texts()]) if legend is not None
                           else ax.get_legend_handles_labels())
        scatters = [len({tuple(c) for c in collection.get_facecolors()}) for collection in ax.collections
                    if type(collection).__name__ == "PathCollection"]
        axes.append({"title": ax.get_title(), "legend": [_entry(h, l) for h, l in zip(handles, labels)],
                     "scatter_colours": scatters})
    with open(RECORD, "a", encoding="utf-8") as f:
        f.write(_json.dumps(axes) + "\\n")
    return _draw(fig)


_png.for_type(_Figure, _record)
"""


def _figures(path, tmp_path):
    """Each figure the notebook displays: a list of axes summaries."""
    record = tmp_path / f"{path.stem}.jsonl"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(f"RECORD = {str(record)!r}\n" + RECORDER))
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()] if record.exists() else []


def _colour_only(axes):
    """What in one axes is told apart by colour alone."""
    found = []
    lines = [e for e in axes["legend"] if e["kind"] == "Line2D"]
    for k, one in enumerate(lines):
        for other in lines[k + 1:]:
            if (one["marker"], one["linestyle"]) == (other["marker"], other["linestyle"]):
                found.append(f"lines {one['label']!r} and {other['label']!r}: the same marker and line style")
    shaded = [e for e in axes["legend"] if e["kind"] in ("Polygon", "Rectangle", "PolyCollection")]
    for region in shaded:
        if not region["hatch"] and not (region["edge_alpha"] >= 0.9 and region["linewidth"] > 0):
            found.append(f"shaded {region['label']!r}: no hatch and no edge")
    for k, one in enumerate(shaded):
        found += [f"regions {one['label']!r} and {other['label']!r}: the same hatch and fill" for other in shaded[k + 1:]
                  if (one["hatch"], one["filled"]) == (other["hatch"], other["filled"])]
    marks = [e for e in axes["legend"] if e["kind"] == "PathCollection"]
    for k, one in enumerate(marks):
        found += [f"points {one['label']!r} and {other['label']!r}: the same marker" for other in marks[k + 1:]
                  if one["marker"] == other["marker"]]
    found += [f"a scatter of {n} colours" for n in axes["scatter_colours"] if n > 1]
    return found


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=[p.stem for p in NOTEBOOK_PATHS])
def test_no_figure_tells_its_series_apart_by_colour_alone(path, tmp_path):
    figures = _figures(path, tmp_path)
    assert figures, f"{path.name} displayed no figure the recorder saw"
    problems = [f"figure {k + 1} ({axes['title'] or 'untitled'}): {what}" for k, figure in enumerate(figures)
                for axes in figure for what in _colour_only(axes)]
    assert problems == [], "\n".join(problems)
