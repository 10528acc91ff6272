"""TeX of a feedback page's prose as MathML: drawn by the browser itself, offline, with no script."""

import xml.etree.ElementTree as ElementTree

from autograder.grading.mathml import tex_to_mathml

MATHML = "{http://www.w3.org/1998/Math/MathML}"


def _maths(html):
    """The <math> elements of an HTML fragment, parsed."""
    wrapped = ElementTree.fromstring(f"<div>{html}</div>")
    return wrapped.findall(f".//{MATHML}math")


def test_inline_and_display_maths_become_mathml_and_the_rest_stays():
    html = tex_to_mathml("<p>the loss $L = -\\log a$, and $$\\frac{dL}{da} = -\\frac{y}{a}$$ done</p>")
    inline, display = _maths(html)
    assert inline.get("display") == "inline" and display.get("display") == "block"
    assert [e.text for e in inline.iter() if e.text] == ["L", "=", "−", "log", "a"]
    assert display.find(f".//{MATHML}mfrac") is not None
    assert html.startswith("<p>the loss <math") and html.endswith("</math> done</p>")


def test_tex_that_nbconvert_escaped_as_html_is_read_as_tex():
    (math,) = _maths(tex_to_mathml("<p>$a &lt; b$</p>"))
    assert [e.text for e in math.iter() if e.text] == ["a", "<", "b"]


def test_code_an_escaped_dollar_and_tex_that_cannot_be_read_stay_as_written():
    kept = "<p>in code <code>x = $y$</code>, <pre>echo $HOME $PATH</pre> and a price of \\$5</p>"
    assert tex_to_mathml(kept) == kept
    unreadable = "<p>a bracket never closed: $\\left(x$, and $x^2$</p>"  # latex2mathml raises on the first
    html = tex_to_mathml(unreadable)
    assert html.startswith("<p>a bracket never closed: $\\left(x$, and <math") and len(_maths(html)) == 1
