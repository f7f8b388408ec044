"""Does importing the domain core stay light (no widgets, plotting or IPython)?"""

import subprocess
import sys

import pytest

CORE = [
    "casework", "casework.process", "casework.assessment", "casework.planning",
    "casework.interview", "casework.monitoring", "casework.closure", "casework.resources",
    "casework.privacy", "casework.cases", "casework.datafiles", "casework.domains",
    "casework.labels", "casework.caseload", "casework.agency_lists", "casework.pdn",
    "casework.feedback", "casework.quiz", "casework.checks", "casework.scenarios",
    "casework.scenario_models", "casework.leftovers", "casework.monitoring_report", "casework.progress",
    *(f"casework.judging.{m}" for m in (
        "caseload", "checklist", "closure", "guard", "instruments", "masking", "next_step", "plan_form", "quiz",
        "resources", "severity")),
]
HEAVY = ("ipywidgets", "matplotlib", "IPython")


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_widget_plotting_or_ipython(module):
    """Does importing this module (in a fresh interpreter) leave ipywidgets, matplotlib and IPython unloaded?"""
    code = (
        f"import sys, {module}; "
        f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"{module} pulls in {out.stdout.strip()}"


def test_importing_the_package_loads_no_submodule():
    """Is ``import casework`` cheap: no pandas, no pydantic, no submodule until asked for?"""
    code = "import sys, casework; print(sorted(m for m in sys.modules if m.startswith(('casework.', 'pandas', 'pydantic'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_lazy_submodule_access_works():
    """Does ``casework.process`` work after a bare ``import casework``?"""
    import casework

    assert casework.process.DongStep is not None
    with pytest.raises(AttributeError):
        casework.no_such_module  # noqa: B018
