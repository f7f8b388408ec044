"""Project-wide pytest hooks.

A notebook cell run by nbval fails when it writes to stderr: a missing-glyph warning or
any other warning there is something a learner would see as a broken page.
"""

import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    for out in getattr(item, "test_outputs", None) or []:
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            pytest.fail(f"cell wrote to stderr (a learner would see this):\n{str(out.get('text'))[:500]}")
    return result
