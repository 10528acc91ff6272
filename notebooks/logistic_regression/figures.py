"""Showing a figure with its text alternative (WCAG 2.1, 1.1.1 Non-text Content).

Every figure of the course is shown by `show(fig, alt)`: `alt` is a sentence that says what the figure shows
(its shape, what it compares, what to take from it), not its title. A screen reader reads it where the picture
is; a reader who cannot see the picture learns from it what the others learn from the picture.

The output carries the picture three ways, because each front end reads a different one:

- an HTML image with the alt attribute: JupyterLab shows HTML before PNG and reads no output metadata;
- a PNG with the alt text in its metadata (`{"image/png": {"alt": ...}}`): nbconvert's pages and the course's
  feedback pages read it there (a graded copy keeps only plain text and raster images);
- the alt text as plain text: what a text-only front end shows and what nbval compares.

Where matplotlib draws no inline figures (a kernel whose backend is Agg, or plain Python), only the text is shown.
"""

import base64
import html

import matplotlib.pyplot as plt


def image_html(png, alt):
    """An HTML image of PNG bytes with its alt text.

    Parameters
    ----------
    png : bytes
        The PNG file's bytes.
    alt : str
        What the image shows, in a sentence.

    Returns
    -------
    str
    """
    return (f'<img src="data:image/png;base64,{base64.b64encode(png).decode()}" alt="{html.escape(alt)}" '
            'style="max-width: 100%">')


def show(fig, alt):
    """Display a figure with its text alternative, then close it (so it is shown once).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    alt : str
        What the figure shows, in one or a few sentences.

    Raises
    ------
    ValueError
        If `alt` says nothing.
    """
    from IPython import get_ipython
    from IPython.display import display

    if not isinstance(alt, str) or not alt.strip():
        plt.close(fig)  # not shown at all rather than shown without its words
        raise ValueError("show(fig, alt): alt must say in words what the figure shows")
    ipython = get_ipython()
    # IPython's own PNG printer (the inline backend's: same size and resolution as a figure shown by plt.show)
    png = ipython.display_formatter.formatters["image/png"](fig) if ipython is not None else None
    plt.close(fig)
    if png is None:  # no inline backend (or no IPython at all), so no printer for figures
        display({"text/plain": alt}, raw=True) if ipython is not None else print(alt)
        return
    png = base64.b64decode(png) if isinstance(png, str) else png
    display({"image/png": base64.b64encode(png).decode(), "text/html": image_html(png, alt), "text/plain": alt},
            metadata={"image/png": {"alt": alt}}, raw=True)
