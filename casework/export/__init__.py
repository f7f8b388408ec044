"""Keeping and printing the workbook: chapters and exercises as HTML and PDF, and the book.

* :mod:`casework.export.widget_html` — widgets as static HTML (no JavaScript needed);
* :mod:`casework.export.html` — one notebook as a self-contained page (nbconvert);
* :mod:`casework.export.pdf` — that page printed to PDF by headless Chromium (no pandoc, no TeX);
* :mod:`casework.export.files` — exporting a notebook file into a folder (the CLI's ``export``);
* :mod:`casework.export.notebook` — the one-line calls for a notebook cell, with download links;
* :mod:`casework.export.book` — the whole workbook as a static site (``casework book``).

Submodules are imported on use; importing this package loads nothing.
"""
