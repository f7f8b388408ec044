"""Project-wide pytest hooks.

A notebook cell run by nbval fails when it writes to stderr: a missing-glyph warning or
any other warning there is something a learner would see as a broken page.
"""

import atexit
import os
import shutil
import tempfile

import pytest

# Files an export cell writes while notebooks run under test go to a temporary folder, not the
# learner's "내 작업" folder in the repository (kernels inherit this variable).
os.environ.setdefault("CASEWORK_WORK_DIR", tempfile.mkdtemp(prefix="casework-work-"))
# Tests and the notebooks nbval runs never read or write the learner's own progress file
# (~/.casework/progress.json): the kernels nbval starts inherit this environment.
if "CASEWORK_PROGRESS" not in os.environ:
    _progress_dir = tempfile.mkdtemp(prefix="casework-progress-")
    atexit.register(shutil.rmtree, _progress_dir, ignore_errors=True)
    os.environ["CASEWORK_PROGRESS"] = os.path.join(_progress_dir, "progress.json")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    for out in getattr(item, "test_outputs", None) or []:
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            pytest.fail(f"cell wrote to stderr (a learner would see this):\n{str(out.get('text'))[:500]}")
    return result
