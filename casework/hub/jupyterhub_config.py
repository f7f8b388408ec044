"""JupyterHub config file for the workbook's hub: ``jupyterhub -f casework/hub/jupyterhub_config.py``.

All settings live in :mod:`casework.hub.config`; the values (ports, passwords, token, folders)
come from ``hub.json`` in the data folder named by ``CASEWORK_HUB_DATA``, which
``casework hub`` writes. Start the hub with ``casework hub`` rather than by hand.
"""

from casework.hub.config import configure
from casework.hub.settings import load_settings

configure(c, load_settings())  # type: ignore[name-defined]  # noqa: F821 - JupyterHub provides `c`
