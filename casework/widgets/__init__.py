"""ipywidgets front-ends over the domain library.

Each widget is thin: it collects the learner's input, calls a plain function from the
library (testable without a browser) and shows the returned :class:`~casework.feedback.Feedback`.
"""
