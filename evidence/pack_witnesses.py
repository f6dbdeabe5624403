"""The witnesses of an evidence pack's anchor: the pack's ``anchor.note`` part is the anchor
checkpoint as a signed note with the witnesses' cosignatures it had when the pack was made
(C2SP ``tlog-checkpoint``, ``tlog-cosignature``). With a witness policy, verification asks that
the note is signed by a trusted key, describes the anchor exactly, and is cosigned by enough of
the trusted witnesses: then the whole history up to the anchor was seen by them, not only by
the operator.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import verify_checkpoint_note
from evidence.cosignature import CosignerKey, verify_cosignatures
from evidence.keys import VerifyKey
from evidence.note import NoteError, NoteVerifier, split_note
from evidence.pack_reader import fail

ANCHOR_NOTE = "anchor.note"


@dataclass(frozen=True)
class WitnessPolicy:
    """The witnesses an auditor trusts, and how many of them must have cosigned."""

    keys: list[CosignerKey] = field(default_factory=list)
    min_witnesses: int = 0


def check_witnessed_anchor(
    zf: zipfile.ZipFile,
    parts: dict[str, Any],
    anchor: Checkpoint,
    keys: Iterable[VerifyKey],
    policy: WitnessPolicy,
) -> list[str]:
    """The trusted witnesses (``<name>+<key ID>``) that cosigned the pack's anchor; stops the
    verification (``not_witnessed``, ``bad_signature``, ``pack_damaged``) unless at least
    ``policy.min_witnesses`` did. ``parts`` were checked against the manifest already."""
    where = {"position": anchor.last_position, "tree_size": anchor.tree_size}
    if ANCHOR_NOTE not in parts:
        msg = (
            f"The pack holds no checkpoint note of its anchor (tree size {anchor.tree_size}), so "
            "no witness cosignature: export it again with this version."
        )
        raise fail("not_witnessed", msg, **where)
    note = zf.read(ANCHOR_NOTE)
    try:
        origin = split_note(note)[0].partition("\n")[0]
        head = verify_checkpoint_note(note, [NoteVerifier(origin, k) for k in keys], origin)
    except NoteError as e:
        msg = f"The anchor's checkpoint note is not signed by a trusted key: {e}."
        raise fail("bad_signature", msg, **where) from None
    if not head.describes(anchor):
        msg = (
            f"The anchor's checkpoint note (tree size {head.tree_size}) is not the anchor "
            f"checkpoint (tree size {anchor.tree_size}, up to position {anchor.last_position})."
        )
        raise fail("pack_damaged", msg, **where)
    try:
        cosigned = verify_cosignatures(note, policy.keys)
    except NoteError as e:
        msg = f"The anchor's checkpoint note carries a cosignature that is forged: {e}."
        raise fail("not_witnessed", msg, **where) from None
    labels = [c.witness.label for c in cosigned]
    if len(cosigned) < policy.min_witnesses:
        msg = (
            f"{policy.min_witnesses} of the trusted witnesses must have cosigned the anchor "
            f"(tree size {anchor.tree_size}); {len(cosigned)} did "
            f"({', '.join(labels) or 'none of them'}). Export again once they have, or with "
            "--until an earlier position."
        )
        raise fail("not_witnessed", msg, **where)
    return labels
