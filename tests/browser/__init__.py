"""Helpers for the browser test: a throwaway JupyterLab server."""
