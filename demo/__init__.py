"""A realistic demonstration network for Ningxia, seeded through the application layer.

The same seed always gives the same network: every name, code, date, amount and decision comes
from a seeded random generator and a fixed calendar, never from the clock. (Record times are
the time of seeding, as for any write; access keys are fresh secrets every time.)
"""

from demo.seed import DemoReport, seed_demo

__all__ = ["DemoReport", "seed_demo"]
