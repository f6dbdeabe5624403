"""What is running: the labels of ``ledger_build_info``, the same on the API and the workers."""

from __future__ import annotations

import platform


def package_version() -> str:
    """The installed version of the package (``unknown`` in a source tree never installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sme-service-ledger")
    except PackageNotFoundError:  # pragma: no cover - a source tree never installed
        return "unknown"


def build_labels(worker: str) -> dict[str, str]:
    """``version``, ``python`` and ``worker`` (``api``, ``project``, ``seal``)."""
    return {"version": package_version(), "python": platform.python_version(), "worker": worker}
