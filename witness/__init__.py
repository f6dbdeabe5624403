"""A witness of the ledger's log (C2SP ``tlog-witness``): it cosigns each checkpoint the log
submits once it has checked that the checkpoint extends the last one it cosigned, so that a
checkpoint with its cosignatures says "not the operator alone".

It is run by a third party (the bureau, the audit office) with its own key and its own state,
and, like the auditor's verifier (``evidence``), it needs none of the operator's code. The
protocol, the cosignature format and the settings are in docs/audit.md.
"""

from witness.app import create_witness_app
from witness.core import Witness, WitnessRefusalError, parse_submission
from witness.keys import WitnessKey, WitnessKeyError, read_witness_key, write_witness_key
from witness.state import LogState, StateDirectory, WitnessStateError, origin_hash

__all__ = [
    "LogState",
    "StateDirectory",
    "Witness",
    "WitnessKey",
    "WitnessKeyError",
    "WitnessRefusalError",
    "WitnessStateError",
    "create_witness_app",
    "origin_hash",
    "parse_submission",
    "read_witness_key",
    "write_witness_key",
]
