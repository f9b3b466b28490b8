"""Issue 17, items 2 and 4: the practice charts have a scale, attempt numbers and units, read well with one
point, and say the same in words to a screen reader; each metric bar says its value and target."""

from __future__ import annotations

from gui.practice.charts import AttemptsChart
from gui.practice.metrics_view import MetricsView


def _drawn(widget, x0: int, x1: int) -> bool:
    """Something other than the background is drawn between x0 and x1 (the chart's left scale)."""
    image = widget.grab().toImage()
    background = image.pixelColor(image.width() - 2, image.height() // 2).rgb()
    return any(image.pixelColor(x, y).rgb() != background
               for x in range(x0, x1) for y in range(image.height()) if x < image.width())


def test_a_chart_with_one_attempt_has_a_scale_and_says_its_values(qtbot):
    chart = AttemptsChart()
    qtbot.addWidget(chart)
    chart.resize(600, 160)
    chart.set_series([("Pace (words/min)", [132.0], (110.0, 160.0)), ("Fillers (per min)", [None], None),
                      ("Length (s)", [75.0], None)])
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.accessibleName() == "Your attempts at this question"
    assert chart.accessibleDescription().splitlines() == [
        "Pace (words/min): 132 (target 110–160)", "Fillers (per min): –", "Length (s): 75"]
    assert _drawn(chart, 6, 30)  # the scale's numbers, left of the plot


def test_attempts_over_time_are_listed_oldest_first(qtbot):
    chart = AttemptsChart()
    qtbot.addWidget(chart)
    chart.set_series([("Pace (words/min)", [120.0, 8.5, 151.0], (110.0, 160.0))])
    assert chart.accessibleDescription() == "Pace (words/min): 120, 8.5, 151 (target 110–160)"


def test_each_metric_bar_says_its_value_its_target_and_whether_it_is_met(qtbot):
    view = MetricsView()
    qtbot.addWidget(view)
    view.set_metrics({"values": [{"key": "pace", "value": 182.0, "low": 110.0, "high": 160.0},
                                 {"key": "fillers_per_min", "value": 2.0, "low": None, "high": 4.0}]}, "en")
    (_k1, _n1, value1, pace, _m1), (_k2, _n2, _v2, fillers, _m2) = view.rows
    assert pace.accessibleName() and pace.accessibleName() != "pace"  # the metric's own name
    assert pace.accessibleDescription() == f"{value1.text()}, target 110–160, outside the target"
    assert fillers.accessibleDescription().endswith("target: up to 4, within the target")


def test_the_targets_are_said_in_japanese(ui_language):
    """The target words are looked up under the context lupdate files them in (they were English in Japanese)."""
    from gui.practice.charts import target_text

    ui_language("ja")
    assert target_text(300, 400) == "目安 300～400"
    assert target_text(None, 2.5) == "目安 2.5以下" and target_text(30, None) == "目安 30以上"
