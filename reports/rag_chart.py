"""The RAG counts per meeting as a stacked bar chart, PNG and SVG, drawn with matplotlib.

Imported only when a chart is drawn (matplotlib costs a second to import). The figure is
made without pyplot (no global state, safe in the desk's threads) on the Agg canvas. The
only words drawn are ours: a fixed title, the series names and meeting dates, which
matplotlib escapes in the SVG. Both files are byte-for-byte reproducible: no creation date,
no software stamp, a fixed `svg.hashsalt` for the SVG's ids.
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from .document import Chart

SERIES = ("Red", "Amber", "Green", "Blue")
COLOURS = {"Red": "#c0392b", "Amber": "#e67e22", "Green": "#27ae60", "Blue": "#2e86c1"}
TITLE = "RAG ratings per meeting"


def rag_chart(dates: Sequence[dt.date], counts: Sequence[dict[str, int]]) -> Chart:
    """A stacked bar per meeting date of the rows rated Red, Amber, Green and Blue
    (`counts[i]` by series name, for `dates[i]`)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels = [d.isoformat() for d in dates]
    with matplotlib.rc_context({"svg.hashsalt": "boardpapers", "svg.fonttype": "none",
                                "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=(max(6.0, 0.45 * len(labels) + 2.5), 4.0), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        base = [0] * len(labels)
        for name in SERIES:
            heights = [c.get(name, 0) for c in counts]
            bars = ax.bar(labels, heights, bottom=base, label=name, color=COLOURS[name])
            for i, bar in enumerate(bars):  # unique ids: "rag-red-0" is Red's first bar
                bar.set_gid(f"rag-{name.lower()}-{i}")
            base = [b + h for b, h in zip(base, heights, strict=True)]
        # at least four bars' room: one meeting's bar is not stretched across the chart
        ax.set_xlim(-0.6, max(len(labels), 4) - 0.4)
        ax.set_title(TITLE)
        ax.set_ylabel("Rows rated")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.tick_params(axis="x", labelrotation=45)
        for tick in ax.get_xticklabels():
            tick.set_horizontalalignment("right")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        fig.tight_layout()
        png, svg = io.BytesIO(), io.StringIO()
        fig.savefig(png, format="png", metadata={"Software": None})
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return Chart(TITLE, png.getvalue(), svg.getvalue(), SERIES)
