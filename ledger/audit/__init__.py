"""Tamper evidence: the log sealed into an RFC 6962 Merkle tree, signed checkpoints, proofs,
evidence packs that auditors verify offline, and the access audit trail.

Read ``docs/audit.md`` for the formats (leaf encoding, checkpoint text, evidence pack).
"""
