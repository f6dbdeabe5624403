"""The shapes of what succeeds, for the OpenAPI document.

A resource is shown by a ``TypedDict`` of :mod:`ledger.application.interface` (the function
that builds the view is typed by it, so the document cannot drift from the answer); a write
answers with that view and the log position of its last event. Routes return their
:class:`~fastapi.Response` as they are, so FastAPI only documents these, never re-validates.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def written(view: Any) -> Any:
    """The answer of a write on a resource shown as ``view``: the view and the position of the
    write's last event in the log (``ComplaintView`` → ``ComplaintWritten``)."""
    name = f"{view.__name__.removesuffix('View')}Written"
    namespace = {
        "__annotations__": {"position": int},
        "__module__": view.__module__,
        "__doc__": f"{(view.__doc__ or '').strip()} With the log position of the write.",
    }
    # A TypedDict's metaclass builds a subclass as a class statement would.
    return type(view)(name, (view,), namespace)
