"""casework: the domain library behind 사례관리 워크북.

Importing the package is cheap: it loads no submodule, no pandas, no widget or plotting
library. Import what you need, e.g. ``from casework import assessment``.
"""

from importlib import import_module

__version__ = "0.1.0"

_SUBMODULES = {
    "errors", "process", "assessment", "planning", "interview", "monitoring",
    "closure", "resources", "privacy", "cases", "datafiles", "plotting", "feedback",
    "quiz", "checks", "exercisegen", "cli", "caseload", "agency_lists", "pdn", "widgets",
    "labels", "assign", "grading", "report", "goals", "questions", "language",
}


def __getattr__(name: str):
    # Lazy submodule access (``casework.process``) without import-time cost.
    if name in _SUBMODULES:
        return import_module(f"casework.{name}")
    raise AttributeError(f"module 'casework' has no attribute {name!r}")
