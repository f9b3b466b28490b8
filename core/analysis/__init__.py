"""Speech metrics for practice answers: pace, fillers, pauses, length (observable behaviour only).

Headless: no Qt.  The public API is :func:`core.analysis.metrics.analyze_answer`,
:func:`core.analysis.metrics.metric_info`, :func:`core.analysis.fillers.find_fillers`,
:func:`core.analysis.morae.count_morae` and
:func:`core.analysis.prompting.practice_settings`.
"""
