"""The class report: what an instructor reads before the next lecture.

From OUT/grades.csv it writes OUT/report.md with two plots beside it: the
distribution of total scores, and the pass rate of every test; then the
mistakes the judges named most often, with the message students saw; the
answers that are right for another student's numbers than their own; and,
where OUT has a similarity report, the closest pairs of students' code.
"""

import html
import statistics
from collections import Counter, defaultdict

import matplotlib

matplotlib.use("Agg")  # files only: the report is made where there may be no screen
import matplotlib.pyplot as plt  # noqa: E402

from autograder.grading.grades import LATE, read_grades  # noqa: E402
from autograder.grading.layout import Out  # noqa: E402


def _totals(rows):
    totals, maxima = defaultdict(float), defaultdict(float)
    for row in rows:
        totals[row.student] += row.score
        maxima[row.student] += row.max_score
    return {s: totals[s] / maxima[s] * 100 if maxima[s] else 0.0 for s in totals}


def _pass_rates(rows):
    passed, seen = Counter(), Counter()
    for row in rows:
        if row.status == LATE:  # a late penalty is not a test (it counts in the totals)
            continue
        seen[row.test] += 1
        passed[row.test] += row.status == "passed"
    return {test: passed[test] / seen[test] * 100 for test in seen}


def _plot_distribution(percentages, path):
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.hist(list(percentages.values()), bins=[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.001], edgecolor="white")
    ax.set(xlabel="total score (% of the maximum)", ylabel="students", xlim=(0, 100),
           title="How the class scored")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _plot_pass_rates(rates, path):
    tests = list(rates)
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(tests) + 1.2))
    ax.barh(tests[::-1], [rates[t] for t in tests[::-1]], color="tab:green")
    ax.set(xlabel="students who passed (%)", ylabel="test", xlim=(0, 100),
           title="Which tests the class passed")
    ax.tick_params(axis="y", labelsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def common_mistakes(rows, most=10):
    """The named mistakes, most frequent first: (mistake, count, tests, an example message)."""
    named = [r for r in rows if r.status == "failed" and r.mistake]
    counts = Counter(r.mistake for r in named)
    result = []
    for mistake, count in counts.most_common(most):
        examples = [r for r in named if r.mistake == mistake]
        tests = sorted({r.test for r in examples})
        result.append((mistake, count, tests, examples[0].message))
    return result


def _cell(text):
    """Text for a cell of a Markdown table: no HTML of a student's is live, no | breaks the table."""
    return html.escape(str(text), quote=False).replace("|", "/")


def distribution_said(percentages):
    """What the score histogram shows, in a sentence: the range, the median, and the fullest bin.

    Parameters
    ----------
    percentages : dict of str to float
        Each student's total, in percent of the maximum.
    """
    totals = sorted(percentages.values())
    bins = Counter(min(int(t // 10), 9) for t in totals)  # the histogram's: 90 % to 100 % included is the last
    most = max(bins.values())
    fullest = [b for b in sorted(bins) if bins[b] == most]
    where = (f"the fullest bin is {10 * fullest[0]}–{10 * fullest[0] + 10} % ({most} of {len(totals)} students)"
             if len(fullest) == 1 else f"no bin of 10 % holds more than {most} of the {len(totals)} students")
    return (f"Total scores run from {totals[0]:.0f} % to {totals[-1]:.0f} %, median {statistics.median(totals):.0f} %; "
            f"{where}.")


def pass_rates_said(rates, lowest=3):
    """What the pass-rate chart shows, in a sentence: the lowest rates and the highest.

    Parameters
    ----------
    rates : dict of str to float
        Each test's pass rate, in percent.
    """
    ranked = sorted(rates.items(), key=lambda item: (item[1], item[0]))
    low = ", ".join(f"{test} {rate:.0f} %" for test, rate in ranked[:lowest])
    return (f"The lowest pass rates: {low}; the highest: {ranked[-1][0]} {ranked[-1][1]:.0f} % "
            f"({sum(rate == 100 for _, rate in ranked)} of {len(ranked)} tests passed by every student).")


def _alt(said, what):
    """A Markdown image's text alternative: what the figure is, then what it shows (no ] to end it early)."""
    return f"{what}. {said}".replace("[", "(").replace("]", ")")


def similar_code(out, shown=3):
    """The report's lines on similar code: the closest pairs of each assignment (OUT/similarity.csv)."""
    from autograder.instructor.similarity import CAVEAT, read_csv

    rows = read_csv(out.similarity_csv)
    lines = ["## Similar code", "", f"{CAVEAT} Every pair, and the closest pairs' code side by side: "
             f"[{out.similarity_page.name}]({out.similarity_page.name}).", ""]
    if not rows:
        return lines + ["No two students handed in the same assignment."]
    lines += ["| assignment | students | similarity |", "|---|---|---|"]
    for assignment in dict.fromkeys(r[0] for r in rows):
        closest = [r for r in rows if r[0] == assignment][:shown]
        lines += [f"| {_cell(a)} | {_cell(s)} and {_cell(t)} | {v:.0%} |" for a, s, t, v in closest]
    return lines


def other_variants(rows, root):
    """Each wrong answer that is right for other students' numbers: (student, question, [those students]).

    Read from the records grading kept in the course (the captured answers), judged for every student of `rows`.
    """
    from autograder.grading import course
    from autograder.grading.autograde.trusted import read_record
    from autograder.judging import whose_variant
    from autograder.kernel import contract
    from solutions.concepts import VARIANT_QUESTIONS

    layout, students, found = course.layout(root), sorted({r.student for r in rows}), []
    for student, notebook in sorted({(r.student, r.notebook) for r in rows}):
        for question in VARIANT_QUESTIONS:
            try:
                captured = read_record(layout.records(student, notebook), contract.CONCEPT, question)
            except (FileNotFoundError, ValueError):  # no record, or not one a hidden test writes
                continue
            fits = whose_variant(question, captured, student, students)
            if fits:
                found.append((student, question, fits))
    return found


def write_report(out_dir, notebooks=None, root=None):
    """Write OUT/report.md, OUT/score_distribution.png and OUT/pass_rates.png.

    Parameters
    ----------
    out_dir : Path
        A folder holding grades.csv.
    notebooks : collection of str, optional
        Report on these notebooks only (those of some assignments); by default on every one graded.
    root : Path, optional
        The course graded into OUT: its kept records show the answers that fit another student's numbers.

    Returns
    -------
    Path
        report.md.
    """
    out = Out(out_dir)
    rows = [r for r in read_grades(out_dir) if notebooks is None or r.notebook in notebooks]
    if not rows:
        raise ValueError(f"{out.grades} has no row of {', '.join(sorted(notebooks or ())) or 'any notebook'}")
    percentages, rates = _totals(rows), _pass_rates(rows)
    distribution, pass_rates = distribution_said(percentages), pass_rates_said(rates)
    _plot_distribution(percentages, out.score_plot)
    _plot_pass_rates(rates, out.pass_rate_plot)
    statuses = Counter(r.status for r in rows if r.status != LATE)
    late = [r for r in rows if r.status == LATE]
    lines = [
        "# Class report",
        "",
        f"{len(percentages)} students, {len(rates)} tests; mean total {sum(percentages.values()) / len(percentages):.0f} %.",
        "Tests by status: " + ", ".join(f"{status} {n}" for status, n in statuses.most_common()) + ".",
        f"Late notebooks: {len(late)}, {sum(-r.score for r in late):g} points taken by the late-work policy.",
        "",
        "## Score distribution",
        "",
        distribution,
        "",
        f"![{_alt(distribution, 'Histogram of the total scores, in bins of 10 %')}]"
        f"({out.score_plot.name})",
        "",
        "## Pass rate per test",
        "",
        pass_rates,
        "",
        f"![{_alt(pass_rates, 'Bar chart of the share of students passing each test')}]"
        f"({out.pass_rate_plot.name})",
        "",
        "| test | passed |",
        "|---|---|",
        *[f"| {test} | {rate:.0f} % |" for test, rate in sorted(rates.items(), key=lambda item: item[1])],
        "",
        "## Most common mistakes",
        "",
    ]
    mistakes = common_mistakes(rows)
    if mistakes:
        lines += ["| mistake | students | tests | what they read |", "|---|---|---|---|"]
        lines += [f"| {_cell(m)} | {n} | {_cell(', '.join(tests))} | {_cell(message)} |" for m, n, tests, message in mistakes]
    else:
        lines.append("No mistake was named by the judges.")
    shared = other_variants(rows, root) if root is not None else []
    if shared:
        lines += ["", "## Answers that fit another student's numbers", "",
                  "Wrong for the student's own numbers, right for another's: the plainest sign that an answer was "
                  "passed on. A reason to talk with both, not a verdict.", "",
                  "| student | question | right for the numbers of |", "|---|---|---|",
                  *[f"| {_cell(s)} | {_cell(q)} | {_cell(', '.join(others))} |" for s, q, others in shared]]
    if out.similarity_csv.exists():
        lines += ["", *similar_code(out)]
    trouble = [r for r in rows if r.status in ("error", "timeout", "unreadable")]
    if trouble:
        lines += ["", "## Submissions that could not be fully graded", "",
                  "| student | notebook | status | message |", "|---|---|---|---|"]
        seen = set()
        for r in trouble:
            if (r.student, r.notebook, r.status) not in seen:
                seen.add((r.student, r.notebook, r.status))
                lines.append(f"| {_cell(r.student)} | {_cell(r.notebook)} | {r.status} | {_cell(r.message)} |")
    out.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out.report
