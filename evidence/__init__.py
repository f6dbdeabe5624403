"""Offline verification of evidence packs and checkpoint notes, for auditors.

This package imports nothing of the ledger's write side (nor of the HTTP service, the views or
the event-sourcing library): an auditor's tool must not need the operator's code to check it.
The formats are in docs/audit.md.
"""

from evidence.checkpoint import Checkpoint, load_trusted_checkpoint
from evidence.checkpoint_note import TreeHead, verify_checkpoint_note
from evidence.cosignature import CosignerKey, parse_cosigner_key, verify_witnessed_checkpoint
from evidence.keys import InvalidKeyError, VerifyKey, load_verify_key
from evidence.merkle import ProofError, verify_consistency, verify_inclusion
from evidence.note import NoteError, NoteVerifier, parse_verifier_key
from evidence.verify import VerificationReport, verify_pack

__all__ = [
    "Checkpoint",
    "CosignerKey",
    "InvalidKeyError",
    "NoteError",
    "NoteVerifier",
    "ProofError",
    "TreeHead",
    "VerificationReport",
    "VerifyKey",
    "load_trusted_checkpoint",
    "load_verify_key",
    "parse_cosigner_key",
    "parse_verifier_key",
    "verify_checkpoint_note",
    "verify_consistency",
    "verify_inclusion",
    "verify_pack",
    "verify_witnessed_checkpoint",
]
