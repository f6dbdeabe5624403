"""The trusted time of an evidence pack's anchor: the pack's ``anchor.tsr`` part is the RFC 3161
timestamp (a DER ``TimeStampResp``) of the anchor's checkpoint note, as the sealer obtained and
kept it, when it has one. Its imprint is SHA-256 of the signed text of ``anchor.note``
(:mod:`evidence.timestamp`), so it dates the anchor's tree head on the TSA's clock.

With the CA an auditor trusts the TSA by, the token must verify; without one, it is only
reported as present. With ``required``, a pack without a verified token fails.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography import x509

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import parse_tree_head
from evidence.note import NoteError, split_note
from evidence.pack_reader import fail
from evidence.pack_witnesses import ANCHOR_NOTE
from evidence.timestamp import TimestampError, verify_timestamp

ANCHOR_TSR = "anchor.tsr"


@dataclass(frozen=True)
class TimestampPolicy:
    """The CA certificates the TSA must chain to (none: do not check the token), and whether the
    anchor must carry a verified timestamp."""

    roots: list[x509.Certificate] = field(default_factory=list)
    required: bool = False


@dataclass(frozen=True)
class AnchorTimestamp:
    """What the pack says of its anchor's trusted time."""

    present: bool
    checked: bool = False
    """Whether the token was verified (a CA was given and it verified)."""
    gen_time: datetime | None = None
    """The TSA's ``genTime``, once verified."""


def check_anchor_timestamp(
    zf: zipfile.ZipFile, parts: dict[str, Any], anchor: Checkpoint, policy: TimestampPolicy
) -> AnchorTimestamp:
    """The anchor's timestamp; stops the verification (``not_timestamped``, ``bad_timestamp``,
    ``pack_damaged``) if the policy's CA is given and the token does not verify, or a token is
    required and missing. ``parts`` were checked against the manifest already."""
    where = {"position": anchor.last_position, "tree_size": anchor.tree_size}
    if ANCHOR_TSR not in parts:
        if policy.required:
            msg = (
                f"The pack holds no timestamp of its anchor (tree size {anchor.tree_size}): the "
                "log had none when the pack was made (no TSA configured, or not yet answered), "
                "or the pack was made before timestamps were packed. Export it again later, or "
                "with --until an earlier position."
            )
            raise fail("not_timestamped", msg, **where)
        return AnchorTimestamp(present=False)
    if ANCHOR_NOTE not in parts:
        raise fail("pack_damaged", f"{ANCHOR_TSR} is in the pack but {ANCHOR_NOTE} is not.")
    note = zf.read(ANCHOR_NOTE)
    try:
        head = parse_tree_head(split_note(note)[0])
    except NoteError as e:
        raise fail("pack_damaged", f"{ANCHOR_NOTE} is not a checkpoint note: {e}.") from None
    if not head.describes(anchor):
        msg = (
            f"The anchor's checkpoint note (tree size {head.tree_size}) is not the anchor "
            f"checkpoint (tree size {anchor.tree_size}, up to position {anchor.last_position})."
        )
        raise fail("pack_damaged", msg, **where)
    if not policy.roots:
        return AnchorTimestamp(present=True)
    try:
        check = verify_timestamp(note, zf.read(ANCHOR_TSR), policy.roots)
    except TimestampError as e:
        msg = (
            f"The timestamp of the anchor (tree size {anchor.tree_size}) does not verify with "
            f"the given TSA CA: {e}."
        )
        raise fail("bad_timestamp", msg, **where) from None
    return AnchorTimestamp(present=True, checked=True, gen_time=check.gen_time)
