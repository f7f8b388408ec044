"""Does the package keep its layers, and does importing anything below the front-ends stay light?

The layers are the import-linter contract in pyproject.toml; the modules checked for weight are
found by walking the package, so a new module is checked without anyone adding it to a list.
"""

import pkgutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import casework

HEAVY = ("ipywidgets", "matplotlib", "IPython")
FRONT_ENDS = ("casework.widgets", "casework.plotting")
# Files JupyterHub executes with its own globals, not modules to import.
CONFIG_FILES = ("casework.hub.jupyterhub_config",)
ROOT = Path(__file__).resolve().parents[1]


def light_modules() -> list[str]:
    names = ["casework"] + [m.name for m in pkgutil.walk_packages(casework.__path__, "casework.")]
    return sorted(n for n in names if not n.startswith(FRONT_ENDS) and n not in CONFIG_FILES)


def heavy_imports_of(module: str) -> str:
    """The heavy packages importing ``module`` loads, in a fresh interpreter ('' if none)."""
    code = (
        f"import sys, {module}; "
        f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_modules_below_the_front_ends_import_no_widget_plotting_or_ipython():
    """Does importing any module outside widgets/ and plotting/ leave ipywidgets, matplotlib and IPython unloaded?"""
    modules = light_modules()
    assert "casework.judging.goals" in modules and "casework.exercises.checker" in modules
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = dict(zip(modules, pool.map(heavy_imports_of, modules)))
    assert {m: heavy for m, heavy in found.items() if heavy} == {}


def test_the_layers_contract_holds():
    """Does every module import only the layers below it (import-linter, pyproject.toml)?"""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:]


def test_importing_the_package_loads_no_submodule():
    """Is ``import casework`` cheap: no pandas, no pydantic, no submodule until asked for?"""
    code = "import sys, casework; print(sorted(m for m in sys.modules if m.startswith(('casework.', 'pandas', 'pydantic'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_lazy_submodule_access_works_and_unknown_names_say_so_in_korean():
    """Does ``casework.process`` work after a bare ``import casework``, and a typo get a Korean message?"""
    assert casework.process.DongStep is not None
    assert casework.judging.__name__ == "casework.judging"
    with pytest.raises(AttributeError, match="모듈이 없습니다"):
        casework.no_such_module  # noqa: B018


def test_every_module_has_a_place_in_the_layers():
    """Is every top-level module of the package named in the layers contract (none left unchecked)?"""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    named = {part.strip() for layer in layers for part in layer.replace("|", ":").split(":")}
    modules = {f"casework.{m.name}" for m in pkgutil.iter_modules(casework.__path__)}
    assert modules - named == set()
