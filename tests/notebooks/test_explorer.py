"""The explorer of notebook 7 (notebooks/logistic_regression/explorer.py, shipped with the release).

Its math is checked against `solutions` and against central differences, its figure by inspecting the
matplotlib objects (Agg backend), its widget by pressing its buttons without a kernel, and its cell run headless.
"""

import ast
import importlib.util
import io
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.contour import ContourSet  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

import solutions  # noqa: E402
from autograder.grading.layout import notebook_folder  # noqa: E402

PATH = notebook_folder() / "explorer.py"
sys.path.insert(0, str(PATH.parent))  # explorer.py imports figures.py beside it, as in the notebook's folder
_SPEC = importlib.util.spec_from_file_location("explorer", PATH)
explorer = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(explorer)

# Notebook 4's tiny data set: one feature, not separable.
X_TINY = np.array([[-3.0], [-2.0], [-1.0], [1.0], [2.0], [3.0]])
Y_TINY = np.array([0.0, 0.0, 1.0, 0.0, 1.0, 1.0])
POINTS = [(0.0, 0.0), (-2.0, 2.0), (0.7, -0.3), (2.5, 1.5), (-1.2, -2.8)]


def _data(seed=0, m=9):
    """Seeded one-feature data."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, 1)) * 2
    return X, (X[:, 0] + rng.normal(size=m) > 0).astype(float)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- the math ---

@pytest.mark.parametrize("w, b", POINTS)
def test_cost_and_gradient_agree_with_the_solutions(w, b):
    cost, dw, db = solutions.cost_and_gradients(X_TINY, Y_TINY, np.array([w]), b)
    assert np.isclose(explorer.cost(X_TINY, Y_TINY, w, b), cost, rtol=1e-12, atol=0)
    assert np.isclose(explorer.cost(X_TINY, Y_TINY, w, b), solutions.compute_cost(X_TINY, Y_TINY, np.array([w]), b),
                      rtol=1e-12, atol=0)
    assert np.allclose(explorer.gradient(X_TINY, Y_TINY, w, b), (dw[0], db), rtol=1e-10, atol=1e-15)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradient_agrees_with_central_differences(seed):
    X, y = _data(seed)
    w, b, h = 0.4 - seed, 0.3 * seed, 1e-5
    numeric = ((explorer.cost(X, y, w + h, b) - explorer.cost(X, y, w - h, b)) / (2 * h),
               (explorer.cost(X, y, w, b + h) - explorer.cost(X, y, w, b - h)) / (2 * h))
    assert np.allclose(explorer.gradient(X, y, w, b), numeric, rtol=1e-7, atol=1e-9)
    assert isinstance(explorer.cost(X, y, w, b), float)


def test_cost_on_a_grid_is_the_cost_at_each_point():
    W, B = np.meshgrid(np.linspace(-3, 3, 5), np.linspace(-2, 2, 4))
    J = explorer.cost(X_TINY, Y_TINY, W, B)
    assert J.shape == W.shape
    assert np.allclose(J, [[explorer.cost(X_TINY, Y_TINY, w, b) for w, b in zip(rw, rb)] for rw, rb in zip(W, B)],
                       rtol=1e-14, atol=0)


def test_cost_is_stable_where_sigma_rounds_to_0_or_1():
    # z up to ±3000: e^z would overflow and log σ(z) would be log 0 (a RuntimeWarning fails the test)
    J = explorer.cost(X_TINY, Y_TINY, -1000.0, 0.0)
    # L ≈ max(−z, 0) for y = 1 and max(z, 0) for y = 0, with z = −1000 x
    expected = np.mean([max(1000.0 * x, 0) if y else max(-1000.0 * x, 0) for x, y in zip(X_TINY[:, 0], Y_TINY)])
    assert np.isclose(J, expected, rtol=1e-12)
    assert np.all(np.isfinite(explorer.gradient(X_TINY, Y_TINY, -1000.0, 0.0)))


@pytest.mark.parametrize("w, b", POINTS)
def test_each_pull_is_the_gradient_of_one_examples_loss_and_their_mean_is_the_gradient(w, b):
    pull_w, pull_b = explorer.pulls(X_TINY, Y_TINY, w, b)
    assert pull_w.shape == pull_b.shape == (6,)
    for x_i, y_i, p_w, p_b in zip(X_TINY[:, 0], Y_TINY, pull_w, pull_b):
        dw1, _, db = solutions.example_gradients(x_i, 0.0, y_i, w, 0.0, b)
        assert np.isclose(p_w, dw1, rtol=1e-12, atol=1e-15) and np.isclose(p_b, db, rtol=1e-12, atol=1e-15)
    assert np.allclose((pull_w.mean(), pull_b.mean()), explorer.gradient(X_TINY, Y_TINY, w, b), rtol=1e-14, atol=0)


def test_a_positive_pull_pushes_w_down():
    # at w = 0, b = 0 every a_i = 1/2: the examples with y = 0 and x > 0 pull w down
    pull_w, _ = explorer.pulls(X_TINY, Y_TINY, 0.0, 0.0)
    assert np.allclose(pull_w, 0.5 * X_TINY[:, 0] * np.where(Y_TINY == 1, -1, 1))


def test_one_feature_only():
    with pytest.raises(ValueError, match=r"\(m, 1\)"):
        explorer.cost(np.ones((3, 2)), np.ones(3), 0.0, 0.0)


# --- the paths ---

@pytest.mark.parametrize("alpha, steps", [(0.5, 0), (1.0, 1), (1.0, 25), (6.0, 12)])
def test_gradient_descent_path_agrees_with_solutions_gradient_descent(alpha, steps):
    path = explorer.gradient_descent_path(X_TINY, Y_TINY, -2.0, 2.0, alpha, steps)
    assert path.shape == (steps + 1, 2) and np.array_equal(path[0], [-2.0, 2.0])
    for k in range(steps + 1):
        w, b, _ = solutions.gradient_descent(X_TINY, Y_TINY, np.array([-2.0]), 2.0, alpha, k)
        assert np.allclose(path[k], (w[0], b), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("alpha", [0.5, 3.0, 9.0])
def test_momentum_path_with_beta_0_is_gradient_descent(alpha):
    assert np.allclose(explorer.momentum_path(X_TINY, Y_TINY, 0.5, -1.0, alpha, 0.0, 20),
                       explorer.gradient_descent_path(X_TINY, Y_TINY, 0.5, -1.0, alpha, 20), rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("alpha, beta", [(1.0, 0.5), (3.0, 0.9), (8.0, 0.95)])
def test_momentum_path_is_solutions_momentum_update_step_by_step(alpha, beta):
    steps = 30
    path = explorer.momentum_path(X_TINY, Y_TINY, -2.0, 2.0, alpha, beta, steps)
    assert path.shape == (steps + 1, 2)
    w, b, v_w, v_b = np.array([-2.0]), 2.0, np.zeros(1), 0.0  # zero initial velocity
    for k in range(1, steps + 1):
        _, dw, db = solutions.cost_and_gradients(X_TINY, Y_TINY, w, b)
        w, b, v_w, v_b = solutions.momentum_update(w, b, dw, db, v_w, v_b, alpha, beta)
        assert np.allclose(path[k], (w[0], b), rtol=1e-9, atol=1e-12), f"step {k}"
    # the final point also agrees with solutions.train_momentum from a zero start
    w_end, b_end, _ = solutions.train_momentum(X_TINY, Y_TINY, alpha, steps, beta)
    assert np.allclose(explorer.momentum_path(X_TINY, Y_TINY, 0.0, 0.0, alpha, beta, steps)[-1], (w_end[0], b_end),
                       rtol=1e-9, atol=1e-12)


def test_paths_differ_when_beta_is_positive():
    gd = explorer.gradient_descent_path(X_TINY, Y_TINY, -2.0, 2.0, 6.0, 10)
    momentum = explorer.momentum_path(X_TINY, Y_TINY, -2.0, 2.0, 6.0, 0.9, 10)
    assert not np.allclose(gd[1:], momentum[1:])


# --- the figure ---

def _figure(**setting):
    setting = {"w": -2.0, "b": 2.0, "alpha": 6.0, "beta": 0.9, "steps": 8} | setting
    return explorer.figure(X_TINY, Y_TINY, **setting)


def _panels(fig):
    """The cost axes, the data axes and the data axes' twin (the pulls)."""
    cost_ax, data_ax, twin = fig.axes
    return cost_ax, data_ax, twin


def _numbers(texts, color):
    return sorted(int(t.get_text()) for t in texts
                  if isinstance(t, Annotation) and matplotlib.colors.same_color(t.get_color(), color))


def test_figure_has_equal_aspect_labelled_contours_a_legend_titles_and_labels():
    fig = _figure()
    cost_ax, data_ax, twin = _panels(fig)
    assert cost_ax.get_aspect() == 1.0, "the contour axes are equal-aspect"
    contours = [c for c in cost_ax.collections if isinstance(c, ContourSet)]
    assert len(contours) == 1 and len(contours[0].levels) >= 5
    assert len(contours[0].labelTexts) >= 5, "contour levels are labelled"
    for ax in (cost_ax, data_ax):
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        assert ax.get_legend() is not None
    assert twin.get_ylabel(), "the pulls' axis is labelled"
    cost_labels = [t.get_text() for t in cost_ax.get_legend().get_texts()]
    assert any("gradient descent" in t for t in cost_labels) and any("momentum" in t for t in cost_labels)
    assert any("current point" in t for t in cost_labels)


def test_figure_writes_step_numbers_on_both_paths():
    fig = _figure(steps=8)
    cost_ax = _panels(fig)[0]
    assert _numbers(cost_ax.texts, "tab:red") == list(range(9))
    assert _numbers(cost_ax.texts, "tab:blue") == list(range(9))
    # on a long path, every k-th step only
    many = _numbers(_panels(_figure(steps=40, alpha=1.0))[0].texts, "tab:blue")
    assert 0 in many and len(many) <= explorer.MAX_STEP_LABELS + 1 and np.all(np.diff(many) == many[1] - many[0])


def test_figure_draws_both_paths_and_the_current_point():
    fig = _figure(steps=5)
    lines = {line.get_label(): line for line in _panels(fig)[0].get_lines()}
    gd = next(v for k, v in lines.items() if k.startswith("gradient descent"))
    momentum = next(v for k, v in lines.items() if k.startswith("momentum"))
    assert np.allclose(np.column_stack(gd.get_data()), explorer.gradient_descent_path(X_TINY, Y_TINY, -2, 2, 6.0, 5))
    assert np.allclose(np.column_stack(momentum.get_data()), explorer.momentum_path(X_TINY, Y_TINY, -2, 2, 6.0, 0.9, 5))
    current = next(v for k, v in lines.items() if k.startswith("current point"))
    assert np.allclose(np.ravel(current.get_data()), [-2.0, 2.0])


def test_figure_draws_each_examples_pull_coloured_by_sign_and_the_data_and_curve():
    fig = _figure(w=-2.0, b=2.0)
    _, data_ax, twin = _panels(fig)
    bars = sorted(twin.patches, key=lambda bar: bar.get_x())
    pull_w, _ = explorer.pulls(X_TINY, Y_TINY, -2.0, 2.0)
    assert len(bars) == 6
    assert np.allclose([bar.get_height() for bar in bars], pull_w)
    assert np.allclose([bar.get_x() + bar.get_width() / 2 for bar in bars], X_TINY[:, 0])
    for bar, pull in zip(bars, pull_w):  # the sign told by colour and by hatching (and by the side of zero)
        assert matplotlib.colors.same_color(bar.get_facecolor()[:3], "tab:red" if pull > 0 else "tab:blue")
        assert bar.get_hatch() == (None if pull > 0 else "//")
    assert sorted(t.get_text() for t in twin.texts) == [str(i) for i in range(1, 7)], "each bar names its example"
    means = [line for line in twin.get_lines() if np.allclose(line.get_ydata(), pull_w.mean())]
    assert means, "the mean pull, ∂J/∂w, is drawn"
    curve = next(line for line in data_ax.get_lines() if line.get_label() == "σ(w x + b)")
    x, a = curve.get_data()
    assert np.allclose(a, 1 / (1 + np.exp(-(-2.0 * x + 2.0))))
    points = next(line for line in data_ax.get_lines() if line.get_label() == "examples (x, y)")
    assert np.allclose(np.column_stack(points.get_data()), np.column_stack([X_TINY[:, 0], Y_TINY]))


def test_figure_follows_a_path_that_leaves_the_view_but_not_forever():
    fig = _figure(alpha=6.0, beta=0.0, steps=10)
    cost_ax = _panels(fig)[0]
    path = explorer.gradient_descent_path(X_TINY, Y_TINY, -2.0, 2.0, 6.0, 10)
    w0, w1 = cost_ax.get_xlim()
    assert w1 >= path[:, 0].max() > explorer.VIEW[1], "the view grows to hold the path"
    assert cost_ax.get_aspect() == 1.0
    far = _figure(w=-2.0, b=2.0, alpha=500.0, beta=0.0, steps=3)
    w0, w1 = _panels(far)[0].get_xlim()
    assert w1 - w0 <= explorer.MAX_ZOOM_OUT * (explorer.VIEW[1] - explorer.VIEW[0]) + 1e-9


def test_figure_draws_on_given_axes():
    fig, axes = plt.subplots(1, 2)
    assert explorer.figure(X_TINY, Y_TINY, 0.0, 0.0, 1.0, 0.5, 3, ax=axes) is fig
    assert axes[0].get_aspect() == 1.0 and axes[1].get_title()


def test_figure_is_deterministic():
    images = []
    for _ in range(2):
        buffer = io.BytesIO()
        _figure().savefig(buffer, format="png", dpi=40)
        images.append(buffer.getvalue())
    assert images[0] == images[1]


# --- the widget ---

def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_explore_builds_the_sliders_and_buttons():
    ipywidgets = pytest.importorskip("ipywidgets")
    box = explorer.explore(X_TINY, Y_TINY)
    assert isinstance(box, ipywidgets.VBox)
    sliders = [w for w in _walk(box) if isinstance(w, ipywidgets.FloatSlider)]
    assert sorted(s.description for s in sliders) == sorted(["w", "b", "α", "β"])
    assert set(box.sliders) == {"w", "b", "alpha", "beta"}
    buttons = {w.description for w in _walk(box) if isinstance(w, ipywidgets.Button)}
    assert buttons == {"step", "reset"}
    assert not any(isinstance(w, ipywidgets.Output) for w in _walk(box)), "an Output widget can stall nbclient"
    assert box.view.value.startswith('<img src="data:image/png;base64,') and ' alt="Left: contours of the cost J' \
        in box.view.value
    assert box.readout.value.startswith('<p role="status" aria-live="polite">Start (w, b) = (-2.0, 2.0)')
    assert box.state.steps == 0 and box.state.draws == 1, "the figure is drawn once at the start"
    assert not any(c.isdigit() for c in repr(box)), "the stored text output shows no number"


def test_the_readout_says_the_sliders_the_cost_and_where_each_path_ended():
    gd = explorer.gradient_descent_path(X_TINY, Y_TINY, -2.0, 2.0, 6.0, 2)
    momentum = explorer.momentum_path(X_TINY, Y_TINY, -2.0, 2.0, 6.0, 0.9, 2)
    said = explorer.readout(X_TINY, Y_TINY, -2.0, 2.0, 6.0, 0.9, gd, momentum)
    J = solutions.compute_cost(X_TINY, Y_TINY, np.array([-2.0]), 2.0)
    assert said.startswith(f"Start (w, b) = (-2.0, 2.0), α = 6.0, β = 0.90: J = {J:.3f}.")
    for name, path in (("gradient descent", gd), ("momentum", momentum)):
        J_end = solutions.compute_cost(X_TINY, Y_TINY, path[-1][:1], path[-1][1])
        assert f"After 2 steps, {name} is at ({path[-1][0]:.2f}, {path[-1][1]:.2f}), J = {J_end:.3f}." in said
    assert explorer.readout(X_TINY, Y_TINY, 0.0, 0.0, 1.0, 0.5, gd[:1], momentum[:1]).endswith(
        "No step taken yet: press step.")


@pytest.mark.slow
def test_the_explorer_cell_finishes_at_once_without_a_front_end_ten_times_in_ten(tmp_path):
    """nbconvert --execute and nbclient have no front end: the explorer's cell must not wait for one."""
    import nbformat
    from nbclient import NotebookClient

    pytest.importorskip("ipywidgets")
    cell = ("import numpy as np\nfrom explorer import explore\n"
            "explore(np.array([[-3.0], [-2.0], [-1.0], [1.0], [2.0], [3.0]]), np.array([0.0, 0.0, 1.0, 0.0, 1.0, 1.0]),"
            " w=-2.0, b=2.0, alpha=6.0, beta=0.9)")
    for run in range(10):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)])
        NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(PATH.parent)}}).execute()
        assert "Explorer: sliders" in nb.cells[0].outputs[0]["data"]["text/plain"], run


def test_explore_step_advances_both_paths_and_reset_clears_them():
    pytest.importorskip("ipywidgets")
    box = explorer.explore(X_TINY, Y_TINY, w=-2.0, b=2.0, alpha=6.0, beta=0.9)
    box.buttons["step"].click()
    assert box.state.steps == 1
    assert np.allclose(box.state.gradient_descent, explorer.gradient_descent_path(X_TINY, Y_TINY, -2, 2, 6.0, 1))
    box.buttons["step"].click()
    box.buttons["step"].click()
    assert box.state.steps == 3 and box.state.draws == 4
    assert np.allclose(box.state.momentum, explorer.momentum_path(X_TINY, Y_TINY, -2, 2, 6.0, 0.9, 3))
    assert box.state.momentum.shape == box.state.gradient_descent.shape == (4, 2)

    # moving a slider redraws both paths from the new point, keeping the number of steps
    box.sliders["beta"].value = 0.0
    assert np.allclose(box.state.momentum, box.state.gradient_descent)
    box.sliders["w"].value = 1.0
    assert np.allclose(box.state.gradient_descent[0], [1.0, 2.0]) and box.state.steps == 3

    box.buttons["reset"].click()
    assert box.state.steps == 0 and box.state.gradient_descent.shape == (1, 2)
    assert plt.get_fignums() == [], "the explorer closes the figures it has shown"


# --- what it may import (it ships in the student's release) ---

def test_explorer_imports_only_numpy_matplotlib_ipywidgets_and_figures_beside_it():
    tree = ast.parse(PATH.read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"base64", "functools", "html", "io", "numpy", "matplotlib", "ipywidgets", "figures"}, imported
