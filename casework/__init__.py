"""casework: the domain library behind 사례관리 워크북.

Importing the package is cheap: it loads no submodule, no pandas, no widget or plotting
library. Import what you need, e.g. ``from casework import assessment``; ``casework.assessment``
also works, loading the submodule on first use.
"""

from importlib import import_module
from pkgutil import iter_modules

__version__ = "0.1.0"

_SUBMODULES = frozenset(m.name for m in iter_modules(__path__) if not m.name.startswith("_"))


def __getattr__(name: str):
    # Lazy submodule access (``casework.process``) without import-time cost.
    if name in _SUBMODULES:
        return import_module(f"casework.{name}")
    known = ", ".join(sorted(_SUBMODULES))
    raise AttributeError(f"casework에는 '{name}'이라는 모듈이 없습니다. 있는 모듈: {known}")
