"""ipywidgets front-ends: wiring only.

Each widget collects the learner's input, calls a judge of :mod:`casework.judging` (tested
without a browser) and shows its :class:`~casework.judging.feedback.Feedback` with the
확인 · 힌트 · 풀이 보기 ladder of :mod:`casework.widgets.base`; answers are kept in the learner's
progress file (:mod:`casework.progress`). See docs/WIDGETS.md.
"""
