"""An explorer of gradient descent and momentum on a data set with one feature (notebook 7).

With one feature the parameters are (w, b) and the cost J(w, b) is a surface over the plane, so a whole
descent can be drawn: the contours of J, the points that gradient descent and momentum visit, and, beside
them, the data with the fitted curve σ(w x + b) and how hard each example pulls on w.

This file uses the gradient found in notebooks 2 to 5: read it after them.

- `cost`, `pulls`, `gradient`, `gradient_descent_path`, `momentum_path`: pure NumPy functions;
- `figure`: a static matplotlib figure of one setting (it is what the stored notebook shows);
- `explore`: the same figure, live, with sliders for w, b, α, β and a step button (ipywidgets), its text
  alternative and a readout of the numbers; `readout` is that text.

Shapes: X is (m, 1), y is (m,); w and b are floats. Everything is deterministic.
"""

import functools

import matplotlib.pyplot as plt
import numpy as np

from figures import image_html  # beside this file, in the notebook's folder

#: The part of the (w, b) plane drawn when the paths stay inside it: (w_min, w_max, b_min, b_max).
VIEW = (-3.0, 3.0, -3.0, 3.0)
#: How far beyond VIEW (as a multiple of its size) the axes grow to follow a path that leaves it.
MAX_ZOOM_OUT = 3.0
#: At most this many step numbers are written on a path (every k-th point beyond that).
MAX_STEP_LABELS = 12


def _feature(X):
    """The one column of X (m, 1) as an array of shape (m,)."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 1:
        raise ValueError(f"the explorer draws one feature: X should have shape (m, 1), not {X.shape}")
    return X[:, 0]


def _sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def cost(X, y, w, b):
    """The cost J(w, b) = (1/m) Σ_i L(σ(w x_i + b), y_i), at one point or on a grid.

    Parameters
    ----------
    X : ndarray of shape (m, 1)
    y : ndarray of shape (m,)
    w, b : float, or ndarrays of one shape (a grid of points)

    Returns
    -------
    float, or ndarray of the shape of w and b
        J at each point.

    Notes
    -----
    L(σ(z), y) = y log(1 + e^(−z)) + (1 − y) log(1 + e^z), computed with np.logaddexp, so that it stays
    exact where σ(z) rounds to 0 or 1.
    """
    x, y = _feature(X), np.asarray(y, dtype=np.float64)
    w, b = np.broadcast_arrays(np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64))
    z = w[..., None] * x + b[..., None]  # (..., m): every example at every point
    J = np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z), axis=-1)
    return float(J) if J.ndim == 0 else J


def pulls(X, y, w, b):
    """What each example contributes to the gradient at (w, b): its pull on w and on b.

    Parameters
    ----------
    X : ndarray of shape (m, 1)
    y : ndarray of shape (m,)
    w, b : float

    Returns
    -------
    pull_w : ndarray of shape (m,)
        (a_i − y_i) x_i, the derivative of example i's loss with respect to w.
    pull_b : ndarray of shape (m,)
        a_i − y_i, the derivative of example i's loss with respect to b.

    A step moves w by −α times the mean pull, so an example with a positive pull pushes w down.
    """
    x = _feature(X)
    residual = _sigmoid(w * x + b) - np.asarray(y, dtype=np.float64)  # a_i − y_i
    return residual * x, residual


def gradient(X, y, w, b):
    """The gradient of J at (w, b): the mean of the examples' pulls.

    Parameters
    ----------
    X : ndarray of shape (m, 1)
    y : ndarray of shape (m,)
    w, b : float

    Returns
    -------
    dw, db : float
        ∂J/∂w and ∂J/∂b.
    """
    pull_w, pull_b = pulls(X, y, w, b)
    return float(np.mean(pull_w)), float(np.mean(pull_b))


def gradient_descent_path(X, y, w, b, alpha, steps):
    """The points visited by plain gradient descent, θ ← θ − α g, from (w, b).

    Parameters
    ----------
    X : ndarray of shape (m, 1)
    y : ndarray of shape (m,)
    w, b : float
        The start.
    alpha : float
        The learning rate α.
    steps : int
        The number of steps k.

    Returns
    -------
    ndarray of shape (k + 1, 2)
        Row t is (w, b) after t steps; row 0 is the start.
    """
    path = [(float(w), float(b))]
    for _ in range(steps):
        w, b = path[-1]
        dw, db = gradient(X, y, w, b)
        path.append((w - alpha * dw, b - alpha * db))
    return np.array(path)


def momentum_path(X, y, w, b, alpha, beta, steps):
    """The points visited by momentum, v ← β v + (1 − β) g and θ ← θ − α v, from (w, b) and v = 0.

    Parameters
    ----------
    X : ndarray of shape (m, 1)
    y : ndarray of shape (m,)
    w, b : float
        The start.
    alpha : float
        The learning rate α.
    beta : float
        The fraction β of the old velocity that is kept, in [0, 1); β = 0 is plain gradient descent.
    steps : int
        The number of steps k.

    Returns
    -------
    ndarray of shape (k + 1, 2)
        Row t is (w, b) after t steps; row 0 is the start.
    """
    path, v_w, v_b = [(float(w), float(b))], 0.0, 0.0
    for _ in range(steps):
        w, b = path[-1]
        dw, db = gradient(X, y, w, b)
        v_w, v_b = beta * v_w + (1 - beta) * dw, beta * v_b + (1 - beta) * db
        path.append((w - alpha * v_w, b - alpha * v_b))
    return np.array(path)


def _limits(paths):
    """Axis limits (w_min, w_max, b_min, b_max) holding VIEW and the paths, up to MAX_ZOOM_OUT times VIEW."""
    w0, w1, b0, b1 = VIEW
    points = np.vstack(paths)
    points = points[np.all(np.isfinite(points), axis=1)]
    w_half, b_half = MAX_ZOOM_OUT * (w1 - w0) / 2, MAX_ZOOM_OUT * (b1 - b0) / 2
    w_mid, b_mid = (w0 + w1) / 2, (b0 + b1) / 2
    w_lo, w_hi = np.clip([points[:, 0].min() - 0.3, points[:, 0].max() + 0.3], w_mid - w_half, w_mid + w_half)
    b_lo, b_hi = np.clip([points[:, 1].min() - 0.3, points[:, 1].max() + 0.3], b_mid - b_half, b_mid + b_half)
    return min(w0, w_lo), max(w1, w_hi), min(b0, b_lo), max(b1, b_hi)


def _label_steps(ax, path, color, offset):
    """Write the step number t beside point t of a path (every k-th one when there are many)."""
    every = max(1, int(np.ceil((len(path) - 1) / MAX_STEP_LABELS)))
    w0, w1 = ax.get_xlim()
    b0, b1 = ax.get_ylim()
    for t in range(0, len(path), every):
        w, b = path[t]
        if w0 <= w <= w1 and b0 <= b <= b1:
            ax.annotate(str(t), (w, b), xytext=offset, textcoords="offset points", fontsize=7, color=color)


def _draw_cost(ax, X, y, w, b, gd, momentum, alpha, beta):
    """The left panel: contours of J, the current point and both paths."""
    w0, w1, b0, b1 = _limits([gd, momentum])
    W, B = np.meshgrid(np.linspace(w0, w1, 241), np.linspace(b0, b1, 241))
    J = cost(X, y, W, B)
    levels = np.unique(np.round(np.quantile(J, np.linspace(0.01, 0.9, 9)), 2))
    contours = ax.contour(W, B, J, levels=levels, cmap="viridis", linewidths=1)
    ax.clabel(contours, fmt="%.2f", fontsize=7)
    ax.plot(gd[:, 0], gd[:, 1], "o-", color="tab:red", ms=3.5, lw=1.2, label=f"gradient descent (α = {alpha:g})")
    ax.plot(momentum[:, 0], momentum[:, 1], "s-", color="tab:blue", ms=3.5, lw=1.2,
            label=f"momentum (α = {alpha:g}, β = {beta:g})")
    ax.plot(w, b, "*", color="black", ms=13, label="current point (w, b) = start", zorder=5)
    ax.set_xlim(w0, w1)
    ax.set_ylim(b0, b1)
    ax.set_aspect("equal")
    _label_steps(ax, gd, "tab:red", (4, 4))
    _label_steps(ax, momentum, "tab:blue", (4, -10))
    ax.set(xlabel="w (the weight)", ylabel="b (the bias)",
           title=f"J(w, b) and {len(gd) - 1} steps: labels are step numbers")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize=8)


def _draw_data(ax, X, y, w, b):
    """The right panel: the data, σ(w x + b), and each example's pull on w (on a second y axis)."""
    x, y = _feature(X), np.asarray(y, dtype=np.float64)
    pull_w, _ = pulls(X, y, w, b)
    a = _sigmoid(w * x + b)
    grid = np.linspace(x.min() - 1, x.max() + 1, 200)
    ax.plot(grid, _sigmoid(w * grid + b), color="black", lw=1.5, label="σ(w x + b)")
    ax.vlines(x, y, a, color="gray", lw=1, linestyles=":", label="a − y (gap from label to curve)")
    ax.plot(x, y, "o", color="black", mfc="white", ms=7, label="examples (x, y)")
    ax.set(xlabel="x (the feature)", ylabel="y, and the probability a = σ(w x + b)", ylim=(-0.08, 1.08),
           title="Data, the model, and each example's pull on w")
    twin = ax.twinx()
    bars = {True: dict(facecolor=("tab:red", 0.45), edgecolor="tab:red"),  # a pull > 0: plain
            False: dict(facecolor=("tab:blue", 0.45), edgecolor="tab:blue", hatch="//")}  # < 0: hatched
    for positive, style in bars.items():
        chosen = (pull_w > 0) == positive
        twin.bar(x[chosen], pull_w[chosen], width=0.3, zorder=0, **style)
    twin.axhline(0, color="gray", lw=0.6)
    mean_line = twin.axhline(np.mean(pull_w), color="tab:purple", lw=1.2, ls="--")
    reach = max(1.0, 1.15 * float(np.max(np.abs(pull_w))))
    twin.set_ylim(-reach, reach)
    twin.set_ylabel("pull on w: (a − y)·x  (bars)")
    for i, (x_i, p_i) in enumerate(zip(x, pull_w), start=1):
        twin.annotate(f"{i}", (x_i, p_i), xytext=(0, 3 if p_i >= 0 else -10), textcoords="offset points",
                      ha="center", fontsize=7, color="dimgray")
    handles, labels = ax.get_legend_handles_labels()
    handles += [plt.Rectangle((0, 0), 1, 1, **bars[positive]) for positive in (True, False)] + [mean_line]
    labels += ["pull > 0: pushes w down", "pull < 0: pushes w up", "mean pull = ∂J/∂w"]
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=8)
    ax.set_zorder(twin.get_zorder() + 1)  # the curve and the points above the bars
    ax.patch.set_visible(False)
    return twin


def figure(X, y, w, b, alpha, beta, steps, ax=None):
    """Draw one setting: J's contours with both paths from (w, b) (left), the data and the pulls (right).

    Parameters
    ----------
    X : ndarray of shape (m, 1)
    y : ndarray of shape (m,)
    w, b : float
        The current point, where both paths start.
    alpha : float
        The learning rate α of both paths.
    beta : float
        Momentum's β (the gradient-descent path has β = 0).
    steps : int
        The number of steps drawn on each path.
    ax : pair of matplotlib Axes, optional
        (cost axes, data axes) to draw on; by default a new figure with two panels.

    Returns
    -------
    matplotlib.figure.Figure
    """
    gd = gradient_descent_path(X, y, w, b, alpha, steps)
    momentum = momentum_path(X, y, w, b, alpha, beta, steps)
    if ax is None:
        w0, w1, b0, b1 = _limits([gd, momentum])
        wide = float(np.clip((w1 - w0) / (b1 - b0), 1.0, 2.0))  # the equal-aspect panel gets the width it needs
        fig, ax = plt.subplots(1, 2, figsize=(6 + 3.5 * wide, 5.5), gridspec_kw={"width_ratios": [wide, 1]})
    ax_cost, ax_data = ax
    _draw_cost(ax_cost, X, y, w, b, gd, momentum, alpha, beta)
    _draw_data(ax_data, X, y, w, b)
    fig = ax_cost.figure
    fig.tight_layout()
    return fig


class ExplorerState:
    """What the explorer shows: the number of steps taken and both paths from the slider point."""

    def __init__(self):
        self.steps = 0
        self.gradient_descent = None
        self.momentum = None
        self.draws = 0


def readout(X, y, w, b, alpha, beta, gd, momentum):
    """The explorer's state in words: the sliders, J at the start point, and where each path's last step went.

    Parameters
    ----------
    X : ndarray of shape (m, 1)
    y : ndarray of shape (m,)
    w, b, alpha, beta : float
        The sliders.
    gd, momentum : ndarray of shape (steps + 1, 2)
        The two paths, as gradient_descent_path and momentum_path give them.

    Returns
    -------
    str
    """
    said = f"Start (w, b) = ({w:.1f}, {b:.1f}), α = {alpha:.1f}, β = {beta:.2f}: J = {cost(X, y, w, b):.3f}."
    steps = len(gd) - 1
    if steps == 0:
        return said + " No step taken yet: press step."
    for name, path in (("gradient descent", gd), ("momentum", momentum)):
        (w_end, b_end), J_end = path[-1], cost(X, y, path[-1][0], path[-1][1])
        said += f" After {steps} step{'s' if steps > 1 else ''}, {name} is at ({w_end:.2f}, {b_end:.2f}), J = {J_end:.3f}."
    return said


def _alt(w, b, steps):
    """The text alternative of the explorer's figure: what it shows (the numbers are in the readout beside it)."""
    return (f"Left: contours of the cost J over the weight w and the bias b, with the gradient-descent path (circles) "
            f"and the momentum path (squares), {steps} steps each, from the start point ({w:.1f}, {b:.1f}) (a star). "
            "Right: the examples, the curve σ(w x + b) and how hard each example pulls on w.")


@functools.cache
def _box_class():
    """A VBox whose text form names what it holds, not its sliders' values (a stored output stays short)."""
    import ipywidgets as widgets

    class ExplorerBox(widgets.VBox):
        def __repr__(self):
            return "Explorer: sliders for w, b, α and β, a step button, a reset button, the figure and its readout"

    return ExplorerBox


def explore(X, y, w=-2.0, b=2.0, alpha=1.0, beta=0.9):
    """The live explorer: sliders for w, b, α and β; "step" advances both paths by one step, "reset" clears them.

    The figure is an image with a text alternative, and a readout under it says the same in numbers (a polite
    live region, which a screen reader reads when it changes). Nothing is drawn through an Output widget, whose
    messages can keep a headless run (nbclient, nbconvert --execute) waiting until its timeout (nbclient's
    issue 312): executed without a front end, the cell finishes at once.

    Parameters
    ----------
    X : ndarray of shape (m, 1)
    y : ndarray of shape (m,)
    w, b, alpha, beta : float
        Where the sliders start.

    Returns
    -------
    ipywidgets.VBox
        The widget (display it). Its `sliders` and `buttons` are dicts by name, its `state` an
        ExplorerState, its `view` the ipywidgets HTML that holds the figure and `readout` the one that says it.
    """
    import html
    import io

    import ipywidgets as widgets  # here, so that the rest of the file works without ipywidgets

    layout = widgets.Layout(width="260px")
    sliders = {
        "w": widgets.FloatSlider(value=w, min=-3.0, max=3.0, step=0.1, description="w", layout=layout,
                                 tooltip="w, the weight: where both paths start"),
        "b": widgets.FloatSlider(value=b, min=-3.0, max=3.0, step=0.1, description="b", layout=layout,
                                 tooltip="b, the bias: where both paths start"),
        "alpha": widgets.FloatSlider(value=alpha, min=0.1, max=12.0, step=0.1, description="α", layout=layout,
                                     tooltip="α, the learning rate of both paths"),
        "beta": widgets.FloatSlider(value=beta, min=0.0, max=0.99, step=0.01, description="β", layout=layout,
                                    tooltip="β, momentum's share of the last step"),
    }
    buttons = {"step": widgets.Button(description="step", tooltip="one more step on both paths"),
               "reset": widgets.Button(description="reset", tooltip="back to the start point, no step")}
    view, said = widgets.HTML(), widgets.HTML()
    state = ExplorerState()

    def redraw(*_):
        s = {name: slider.value for name, slider in sliders.items()}
        state.gradient_descent = gradient_descent_path(X, y, s["w"], s["b"], s["alpha"], state.steps)
        state.momentum = momentum_path(X, y, s["w"], s["b"], s["alpha"], s["beta"], state.steps)
        fig = figure(X, y, s["w"], s["b"], s["alpha"], s["beta"], state.steps)
        png = io.BytesIO()
        fig.savefig(png, format="png")
        plt.close(fig)
        view.value = image_html(png.getvalue(), _alt(s["w"], s["b"], state.steps))
        text = readout(X, y, s["w"], s["b"], s["alpha"], s["beta"], state.gradient_descent, state.momentum)
        said.value = f'<p role="status" aria-live="polite">{html.escape(text)}</p>'
        state.draws += 1

    def step(_):
        state.steps += 1
        redraw()

    def reset(_):
        state.steps = 0
        redraw()

    for slider in sliders.values():
        slider.observe(redraw, names="value")
    buttons["step"].on_click(step)
    buttons["reset"].on_click(reset)

    box = _box_class()([widgets.HBox([sliders["w"], sliders["b"], sliders["alpha"], sliders["beta"]]),
                        widgets.HBox([buttons["step"], buttons["reset"]]), view, said])
    box.sliders, box.buttons, box.view, box.readout, box.state = sliders, buttons, view, said, state
    redraw()
    return box
