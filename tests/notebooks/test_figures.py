"""Figures (notebooks/logistic_regression/figures.py and every figure of the notebooks), WCAG 2.1:

- 1.1.1 Non-text Content: `show(fig, alt)` gives each figure its text alternative in the three forms that
  JupyterLab, nbconvert and the feedback pages read, and every figure the notebooks store has one;
- 1.4.1 Use of Color: each instructor notebook runs headless with a recorder in its kernel: every figure it
  displays is described, axes by axes, by its legend's entries (what a reader must tell apart) and its scatter
  plots. Two lines of one axes that differ in colour alone (same marker, same line style), a scatter whose points
  differ in colour alone, or a shaded region with neither a hatch nor an edge, fails.
"""

import html
import json
import os
import re

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.grading.layout import notebook_folder
from tests.helpers import NOTEBOOK_PATHS

#: A figure shown with its alt text, in a kernel started in the notebooks' folder.
SHOWN = """
import matplotlib.pyplot as plt
from figures import show

fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1])
show(fig, {alt!r})
"""


def _run(source, **environment):
    """The outputs of one cell run in a fresh kernel in the notebooks' folder, with more environment."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(notebook_folder())}}).execute(env={**os.environ, **environment})
    return nb.cells[0].outputs


def test_show_gives_the_figure_its_alt_text_in_each_form_a_front_end_reads():
    alt = 'A rising line from (0, 0) to (1, 1), "steady" & <straight>.'
    [output] = _run(SHOWN.format(alt=alt))
    assert output.output_type == "display_data"
    assert output.metadata == {"image/png": {"alt": alt}}  # nbconvert's and the feedback pages' templates
    assert output.data["text/plain"] == alt  # a text front end, and nbval
    image = re.fullmatch(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)" style="max-width: 100%">',
                         output.data["text/html"])  # JupyterLab: HTML first, and no alt read from metadata
    assert image and image[1] == output.data["image/png"] and html.unescape(image[2]) == alt


def test_show_without_an_inline_backend_shows_the_text_alone():
    [output] = _run(SHOWN.format(alt="A rising line."), MPLBACKEND="Agg")
    assert output.data == {"text/plain": "A rising line."}


@pytest.mark.parametrize("alt", ["", "   ", None])
def test_show_refuses_a_figure_without_words(alt):
    [output] = _run(SHOWN.format(alt=alt))
    assert output.output_type == "error" and output.ename == "ValueError" and "alt" in output.evalue


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=[p.stem for p in NOTEBOOK_PATHS])
def test_every_stored_figure_has_its_alt_text(path):
    """Each picture a notebook stores comes from `show`: its alt in the PNG's metadata, the HTML image and the text;
    a sentence of some length, not a label."""
    nb = nbformat.read(path, as_version=4)
    assert not [c.source for c in nb.cells if c.cell_type == "code" and "plt.show()" in c.source], \
        "a figure shown with plt.show() has no text alternative: use show(fig, alt)"
    figures = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert figures, f"{path.name} stores no figure"
    for output in figures:
        alt = output.metadata.get("image/png", {}).get("alt", "")
        assert len(alt.split()) >= 12, f"{path.name}: a figure's alt text says too little: {alt!r}"
        assert output.data["text/plain"] == alt
        assert f'alt="{html.escape(alt)}"' in output.data["text/html"]

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


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=[p.stem for p in NOTEBOOK_PATHS])
def test_no_figure_tells_its_series_apart_by_colour_alone(path, tmp_path):
    figures = _figures(path, tmp_path)
    assert figures, f"{path.name} displayed no figure the recorder saw"
    problems = [f"figure {k + 1} ({axes['title'] or 'untitled'}): {what}" for k, figure in enumerate(figures)
                for axes in figure for what in _colour_only(axes)]
    assert problems == [], "\n".join(problems)
