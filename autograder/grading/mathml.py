"""TeX in a page's HTML as MathML, which browsers draw themselves: feedback pages render their maths offline.

nbconvert leaves the TeX of markdown cells as it was written ($…$, $$…$$) for MathJax, a script fetched from a
CDN: offline, or where a campus blocks it, a student sees raw TeX. The course's feedback template
(templates/feedback) passes each markdown cell through `tex_to_mathml` instead, with latex2mathml (a
maintained converter), so the page needs neither a script nor a network, and screen readers read the MathML.
"""

import html
import re

from latex2mathml.converter import convert

#: What is left alone (code, preformatted text, scripts, styles), display maths, inline maths.
_PIECES = re.compile(r"(?P<skip><(?P<tag>code|pre|script|style)\b.*?</(?P=tag)>)"
                     r"|\$\$(?P<display>.+?)\$\$"
                     r"|(?<![\\$])\$(?P<inline>[^$]+?)(?<!\\)\$", re.S | re.I)


def _mathml(match):
    if match["skip"]:
        return match["skip"]
    tex = html.unescape(match["display"] or match["inline"])  # nbconvert escaped the TeX as HTML (a < b)
    try:
        return convert(tex.strip(), display="block" if match["display"] else "inline")
    except Exception:  # noqa: BLE001 (any TeX it cannot read stays as written, for the reader to read)
        return match[0]


def tex_to_mathml(text):
    """HTML with each $…$ and $$…$$ outside code as MathML (TeX latex2mathml cannot read stays as it is).

    Parameters
    ----------
    text : str
        HTML, as nbconvert's markdown2html gives it.

    Returns
    -------
    str
    """
    return _PIECES.sub(_mathml, text)
