"""What is left of the standing mixin while the appraisals mixin still inherits it: nothing.

Standing steps (Art. 13) are commands now (``ledger.application.commands.standing``), handled by
the platforms' and the institutions' capabilities (``ledger.application.handlers.standing``).
"""

from __future__ import annotations

from ledger.application.store import LedgerCore


class StandingCommands(LedgerCore):
    pass
