"""The workbook on JupyterHub: hub configuration, launcher, hub client, hand-out and collect.

Modules: ``settings`` (hub.json in the data folder), ``config`` and ``spawner`` (loaded by
JupyterHub; they import JupyterHub), ``launch`` (start and stop a hub by PID), ``client``
(Hub REST API and each server's Contents API) and ``transfer`` (collect, push_notebooks; the
assign manifest is :mod:`casework.manifest`). ``client`` and ``transfer`` need only ``requests``
and run on an instructor's machine without JupyterHub installed.
"""
