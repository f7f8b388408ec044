"""The workbook on JupyterHub: hub configuration, launcher, hub client, hand-out and collect.

Modules: ``settings`` (hub.json in the data folder), ``config`` and ``spawner`` (loaded by
JupyterHub; they import JupyterHub), ``launch`` (start and stop a hub by PID), ``client``
(Hub REST API and each server's Contents API), ``manifest_io`` (the assign manifest) and
``transfer`` (collect, push_notebooks). ``client``, ``manifest_io`` and ``transfer`` need only
``requests`` and run on an instructor's machine without JupyterHub installed.
"""
