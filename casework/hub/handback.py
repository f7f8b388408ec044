"""Hand out and give back through the hub: assigned notebooks and feedback pages into learners' homes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from casework.hub.client import HubClient
from casework.hub.transfer import Pushed, push_notebooks

__all__ = ["FEEDBACK_FOLDER", "push_assigned", "return_pages"]

FEEDBACK_FOLDER = "피드백"


def push_assigned(client: HubClient, items: Sequence[tuple[str, Path]], *, folder: str = "",
                  overwrite: bool = False) -> list[Pushed]:
    """Create the hub users who do not exist yet, then put each (user, notebook file) in their home.

    A notebook already in a learner's home is kept unless ``overwrite``: it may hold their work.
    """
    client.create_users(sorted({user for user, _ in items}))
    prefix = f"{folder.strip('/')}/" if folder.strip("/") else ""
    return push_notebooks(client, [(user, prefix + path.name, path.read_bytes()) for user, path in items],
                          overwrite=overwrite)


def return_pages(client: HubClient, pages: Sequence[tuple[str, str, str]]) -> list[Pushed]:
    """Put each (user, page file name, HTML) into ``피드백/`` in that user's home (replacing an older page)."""
    return push_notebooks(client, [(user, f"{FEEDBACK_FOLDER}/{name}", html.encode("utf-8")) for user, name, html in pages],
                          overwrite=True)
