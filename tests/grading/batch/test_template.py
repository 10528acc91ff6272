"""The course as a worker gets it: made once per change of the course, shipped as a zip, and the version of a
grading, which changes with the course and with the grader's code."""

from autograder.grading import course, layout
from autograder.grading.batch import template


def test_the_template_is_made_again_only_when_the_course_changes(course_copy, monkeypatch):
    root, released = course_copy(), []
    monkeypatch.setattr(template.release, "release", lambda folder, names, early: released.append((names, early)))
    made = template.template(root)
    assert made == course.layout(root).template and layout.notebook_file("01_model_and_loss", made).is_file()
    assert released == [([a.name for a in course.assignments()], True)]  # every one: no student sees this copy
    first = template.version(root)
    assert template.template(root) == made and template.version(root) == first and len(released) == 1
    notebook = layout.notebook_file("01_model_and_loss", root)
    notebook.write_text(notebook.read_text().replace("sigmoid", "sigmoid ", 1))
    assert template.template(root) == made and len(released) == 2 and template.version(root) != first


def test_a_template_travels_as_a_zip_and_unpacks_to_the_same_files(tmp_path):
    folder = tmp_path / "t"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "x.ipynb").write_text("{}")
    (folder / "y.py").write_bytes(b"\x00\x01")
    template.unpack(template.archive(folder), tmp_path / "u")
    template.unpack(folder, tmp_path / "v")
    for copy in ("u", "v"):
        assert sorted((p.relative_to(tmp_path / copy), p.read_bytes()) for p in (tmp_path / copy).rglob("*") if p.is_file()) \
            == sorted((p.relative_to(folder), p.read_bytes()) for p in folder.rglob("*") if p.is_file())


def test_a_content_key_depends_on_the_bytes_and_the_version():
    keys = {template.content_key(v, c) for v in ("v1", "v2") for c in (b"{}", b"{ }")}
    assert len(keys) == 4 and template.content_key("v1", b"{}") == template.content_key("v1", b"{}")
