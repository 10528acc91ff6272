"""The graded copy of a notebook, as students will see it in their feedback: outputs cut, verdicts written in.

Pure transformations of an nbformat notebook, in place.
"""

import nbformat


def truncate_outputs(notebook, max_chars):
    """Cut every text output longer than max_chars (the middle goes), in place; return how many were cut."""
    cut = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            fields = [("text", output)] if "text" in output else []
            fields += [(mime, output["data"]) for mime in list(output.get("data", {})) if mime.startswith("text/")]
            for key, holder in fields:
                text = holder[key] if isinstance(holder[key], str) else "".join(holder[key])
                if len(text) > max_chars:
                    holder[key] = (text[: max_chars // 2] + f"\n... [{len(text) - max_chars} characters cut by the grader] ...\n"
                                   + text[-max_chars // 2:])
                    cut += 1
    return cut


def annotate(notebook, verdicts):
    """Append to each test cell what the grader decided: {grade_id: (score, points, message)}."""
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.cell_type == "code" and grade_id in verdicts:
            score, points, message = verdicts[grade_id]
            text = f"Graded outside the notebook: {score:g} / {points:g}." + (f" {message}" if message else "")
            cell.setdefault("outputs", []).append(nbformat.v4.new_output("stream", name="stdout", text=text + "\n"))
    return notebook
