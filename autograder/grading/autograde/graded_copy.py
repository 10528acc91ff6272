"""The graded copy of a notebook, as students will see it in their feedback: outputs cut, made inert, verdicts written in.

Pure transformations of an nbformat notebook, in place. The graded copy is what
nbgrader's feedback and the formgrader render as HTML, so nothing a student's
code displayed or a student wrote may run there: outputs keep only plain text
and raster images, and a markdown cell with active HTML is shown as its text.
"""

import re
from pathlib import Path

import nbformat

#: Output types that render inertly: text is escaped, images are pixels.
SAFE_MIME_TYPES = ("text/plain", "image/png", "image/jpeg", "image/gif")
#: A live widget's view (notebook 07's explorer): nothing to show without a kernel, and its state would load the
#: widgets' JavaScript into the feedback page. Dropped without a note: every honest student's notebook has one.
LIVE_VIEWS = ("application/vnd.jupyter.widget-view+json",)
#: HTML in markdown that could run or load something in a browser.
_ACTIVE_HTML = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style|link|meta|base|form|svg|math|frame|applet)\b"
                          r"|\bon[a-z]+\s*=|javascript\s*:|<\s*[a-z][^>]*\s(src|href)\s*=\s*[\"']?\s*data\s*:text",
                          re.IGNORECASE)


def _text_fields(output):
    """(key, holder) of each text an output carries: a stream's text, and its text/* data."""
    fields = [("text", output)] if "text" in output else []
    return fields + [(mime, output["data"]) for mime in list(output.get("data", {})) if mime.startswith("text/")]


def truncate_outputs(notebook, max_chars):
    """Cut every text output longer than max_chars (the middle goes), in place; return how many were cut."""
    cut = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            for key, holder in _text_fields(output):
                text = holder[key] if isinstance(holder[key], str) else "".join(holder[key])
                if len(text) > max_chars:
                    holder[key] = (text[: max_chars // 2] + f"\n... [{len(text) - max_chars} characters cut by the grader] ...\n"
                                   + text[-max_chars // 2:])
                    cut += 1
    return cut


def _size(output):
    text = output.get("text", "")
    data = output.get("data", {})
    return len(text if isinstance(text, str) else "".join(text)) + sum(
        len(v if isinstance(v, str) else "".join(v) if isinstance(v, list) else str(v)) for v in data.values())


def bound_outputs(notebook, max_outputs, max_total):
    """Keep at most max_outputs outputs and max_total characters of them in the notebook, in order; return how many went.

    What does not fit is replaced, in the cell where the bound was reached, by one line saying so.
    """
    kept, total, dropped = 0, 0, 0
    for cell in notebook.cells:
        outputs, room = cell.get("outputs", []), []
        for output in outputs:
            if kept < max_outputs and total + _size(output) <= max_total:
                room.append(output)
                kept, total = kept + 1, total + _size(output)
            else:
                dropped += 1
        if len(room) < len(outputs):
            room.append(nbformat.v4.new_output("stream", name="stdout", text=(
                f"... [{len(outputs) - len(room)} outputs not kept: the graded copy keeps {max_outputs} outputs "
                f"and {max_total} characters of them in all] ...\n")))
            cell.outputs = room
    return dropped


def make_inert(notebook):
    """Keep only inert output types, and show a markdown cell with active HTML as plain text; return how many changed.

    Live widget views and the widgets' saved state go too, and are not counted: they are what the course's own
    explorer leaves, not something a student put there.
    """
    changed = 0
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            for mime in LIVE_VIEWS:
                if data and mime in data:
                    del data[mime]
                    data.setdefault("text/plain", "[a live widget: it needs a running kernel]")
            if data and any(mime not in SAFE_MIME_TYPES for mime in data):
                for mime in [m for m in data if m not in SAFE_MIME_TYPES]:
                    del data[mime]
                data.setdefault("text/plain", "[an output that is not shown in the graded copy: only text and images are]")
                changed += 1
        if cell.cell_type in ("markdown", "raw") and _ACTIVE_HTML.search(cell.source):
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", cell.source)), default=0))
            cell.cell_type, cell.source = "markdown", f"{fence}text\n{cell.source}\n{fence}"
            cell.pop("attachments", None)
            changed += 1
    return changed


#: How the grader's annotation of a test cell begins.
GRADED = "Graded outside the notebook:"


def annotation(row):
    """What the grader writes under a test cell: its score and message (grades.Row)."""
    return f"{GRADED} {row.score:g} / {row.max_score:g}." + (f" {row.message}" if row.message else "") + "\n"


def verdict(cell):
    """The grader's annotation of a test cell, the cell's last output as `annotate` wrote it, or "" (a filter of the
    feedback template, which shows it at the top of the cell, where it is read first, and not again below)."""
    nbgrader = cell.get("metadata", {}).get("nbgrader", {})
    outputs = cell.get("outputs", [])
    last = outputs[-1] if outputs and nbgrader.get("grade") and not nbgrader.get("solution") else {}
    text = last.get("text", "")
    text = "".join(text) if isinstance(text, list) else text
    written = last.get("output_type") == "stream" and last.get("name") == "stdout" and text.startswith(GRADED)
    return text if written else ""


def annotate(notebook, rows, before=()):
    """Append to each test cell what the grader decided (grades.Row by grade_id), in place of the `before` rows' words.

    Parameters
    ----------
    notebook : NotebookNode or dict
    rows : list of grades.Row
    before : list of grades.Row
        What an earlier judging wrote (re-judging): its annotation, the last output of its cell, is removed.
    """
    now, then = {r.test: r for r in rows}, {r.test: annotation(r) for r in before}
    for cell in notebook["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if cell["cell_type"] != "code":
            continue
        outputs = cell.setdefault("outputs", [])
        last = outputs[-1] if outputs else {}
        text = last.get("text", "")
        if grade_id in then and last.get("output_type") == "stream" and \
                ("".join(text) if isinstance(text, list) else text) == then[grade_id]:  # JSON keeps text as lines
            outputs.pop()
        if grade_id in now:
            outputs.append(nbformat.v4.new_output("stream", name="stdout", text=annotation(now[grade_id])))
    return notebook


def without_grader_paths(notebook, folder):
    """Take the folder the notebook ran in out of every path in its outputs, in place; return how many changed.

    A traceback names the files it went through ("File ~/logreg-…/course/autograded/ann/02/checks.py:71"): the
    student reads "File checks.py:71", the file beside their notebook, and never where the grader ran it.
    """
    folder = Path(folder)
    # however the kernel spelled it (absolute, from ~, through a link): any path that ends in the folder's own
    # last steps (autograded/<student>/<assignment>), and the folder itself
    tail = "/".join(folder.parts[-3:])
    # a path starts after a character no path has inside it (or after the m that ends an ANSI colour code), and
    # its folder ends at a / or where its name does
    grader = re.compile(r"(?<![A-Za-ln-z0-9_.~/-])(?:~|\.{1,2})?/(?:[^\s'\"\x1b/]+/)*?" + re.escape(tail) + r"(?:/|(?![\w.-]))"
                        + "|" + re.escape(str(folder)) + r"(?:/|(?![\w.-]))")
    changed = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            before = repr(output)
            for key, holder in [*_text_fields(output), *([("evalue", output)] if "evalue" in output else [])]:
                if isinstance(holder[key], (str, list)):
                    holder[key] = grader.sub("", "".join(holder[key]))
            if isinstance(output.get("traceback"), list):
                output["traceback"] = [grader.sub("", line) for line in output["traceback"]]
            changed += repr(output) != before
    return changed


def bound(notebook, limits, prefix):
    """Cut long outputs, keep a bounded number, make what is left inert (settings.Limits); the notes saying so."""
    notes = []
    if truncate_outputs(notebook, limits.max_output):
        notes.append(f"{prefix}outputs longer than {limits.max_output} characters were cut")
    if bound_outputs(notebook, limits.max_outputs, limits.max_output_total):
        notes.append(f"{prefix}outputs past {limits.max_outputs} or {limits.max_output_total} "
                     "characters in all were not kept")
    if make_inert(notebook):
        notes.append(f"{prefix}HTML or scripts in outputs or markdown are shown as text")
    return notes
