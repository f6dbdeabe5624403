"""The witness's side of C2SP ``tlog-witness``: check a submitted checkpoint against the latest
one it cosigned of that log, and cosign it (C2SP ``tlog-cosignature``, ``cosignature/v1``).

An ``add-checkpoint`` body is an ``old <size>`` line, up to 63 consistency proof lines (base64
hashes), an empty line, then the signed checkpoint. The answers, as the spec has them:

==========  ================================================================================
200         the witness's cosignature line (it has recorded the checkpoint first)
400         a malformed body, or an old size above the checkpoint's size
403         no valid signature by a key the witness trusts for the origin, or a bad one
404         a log (origin) the witness does not know
409         ``old`` is not the size the witness last cosigned: the body is that size
            (``text/x.tlog.size``); the log retries with a proof from it
422         the proof does not verify, or a size equal to the last one with another root:
            a fork, never cosigned
==========  ================================================================================

Checking ``old`` and recording the new checkpoint happen under one lock per log, so two
submissions can never roll the recorded size back.
"""

from __future__ import annotations

import base64
import binascii
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from evidence.checkpoint_note import TreeHead, parse_tree_head, verify_checkpoint_note
from evidence.merkle import EMPTY_ROOT, HASH_SIZE, ProofError, verify_consistency
from evidence.note import NoteError, NoteVerifier, split_note
from witness.keys import WitnessKey
from witness.state import LogState, StateDirectory

log = logging.getLogger("witness")
MAX_PROOF_LINES = 63
TEXT = "text/plain; charset=utf-8"
SIZE = "text/x.tlog.size"


class WitnessRefusalError(Exception):
    """A submission the witness does not cosign: the HTTP status and body to answer with."""

    def __init__(self, status: int, message: str, content_type: str = TEXT) -> None:
        super().__init__(message)
        self.status = status
        self.body = message if message.endswith("\n") else message + "\n"
        self.content_type = content_type


@dataclass(frozen=True)
class Submission:
    """A parsed ``add-checkpoint`` body."""

    old_size: int
    proof: list[bytes]
    note: bytes


def _decimal(text: str) -> int | None:
    if not text.isascii() or not text.isdigit() or (text != "0" and text.startswith("0")):
        return None
    return int(text)


def parse_submission(body: bytes) -> Submission:
    """The parts of an ``add-checkpoint`` body; :class:`WitnessRefusalError` (400) if malformed."""
    # The old size and proof lines are never empty, so the first empty line ends them.
    header, blank, note = body.partition(b"\n\n")
    try:
        lines = header.decode("ascii").split("\n")
    except UnicodeDecodeError:
        lines = []
    if not blank or not lines or not lines[0].startswith("old "):
        raise WitnessRefusalError(400, "the body must start with an 'old <size>' line")
    old = _decimal(lines[0].removeprefix("old "))
    if old is None:
        raise WitnessRefusalError(400, "the old size is not a decimal number")
    if len(lines) - 1 > MAX_PROOF_LINES:
        msg = f"at most {MAX_PROOF_LINES} consistency proof lines, not {len(lines) - 1}"
        raise WitnessRefusalError(400, msg)
    proof = []
    for line in lines[1:]:
        try:
            digest = base64.b64decode(line, validate=True)
        except binascii.Error:
            digest = b""
        if len(digest) != HASH_SIZE:
            raise WitnessRefusalError(400, f"not a base64 hash: {line[:64]!r}")
        proof.append(digest)
    return Submission(old, proof, note)


class Witness:
    """Cosigns checkpoints of the logs it trusts, each consistent with the last it cosigned."""

    def __init__(
        self,
        key: WitnessKey,
        logs: Iterable[NoteVerifier],
        state: StateDirectory,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.key = key
        self.state = state
        self.clock = clock
        # tlog-checkpoint: the log's key is named by its origin.
        self.logs: dict[str, list[NoteVerifier]] = {}
        for verifier in logs:
            self.logs.setdefault(verifier.name, []).append(verifier)
        self._locks = {origin: threading.Lock() for origin in self.logs}

    def add_checkpoint(self, body: bytes) -> str:
        """The cosignature line for the submission ``body``, once the checkpoint is recorded."""
        submission = parse_submission(body)
        head, text, signatures = self._verified(submission.note)
        if submission.old_size > head.tree_size:
            msg = f"the old size {submission.old_size} is above the tree size {head.tree_size}"
            raise WitnessRefusalError(400, msg)
        with self._locks[head.origin]:
            state = self.state.load(head.origin)
            known = 0 if state is None else state.tree_size
            if submission.old_size != known:
                raise WitnessRefusalError(409, f"{known}\n", SIZE)
            self._check_consistency(submission, head, state)
            timestamp = max(1, int(self.clock()))
            line = self.key.cosign(text, timestamp)
            cosigned = f"{text}\n{''.join(signatures)}{line}".encode()
            self.state.save(LogState(head.origin, head.tree_size, head.root_hash, cosigned))
        log.info("cosigned %s at tree size %d", head.origin, head.tree_size)
        return line

    def _verified(self, note: bytes) -> tuple[TreeHead, str, list[str]]:
        """The tree head and text of ``note``, and the log's signature lines that verified."""
        try:
            text, signatures = split_note(note)
        except NoteError as e:
            raise WitnessRefusalError(400, f"not a signed note: {e}") from None
        origin = text.partition("\n")[0]
        trusted = self.logs.get(origin)
        if trusted is None:
            raise WitnessRefusalError(404, f"this witness does not know the log {origin!r}")
        try:
            head = verify_checkpoint_note(note, trusted, origin)
        except NoteError as e:
            if _tree_head_or_none(text) is None:
                raise WitnessRefusalError(400, f"not a checkpoint: {e}") from None
            raise WitnessRefusalError(403, str(e)) from None
        known = {(v.name, v.key_hash) for v in trusted}
        lines = [
            f"\u2014 {s.name} {base64.b64encode(s.key_hash + s.signature).decode()}\n"
            for s in signatures
            if (s.name, s.key_hash) in known
        ]
        return head, text, lines

    def _check_consistency(
        self, submission: Submission, head: TreeHead, state: LogState | None
    ) -> None:
        if head.tree_size == 0 and head.root_hash != EMPTY_ROOT:
            raise WitnessRefusalError(422, "a tree of size 0 has the empty tree's root hash")
        # The old size is the recorded one here: without a state, 0.
        if state is None or submission.old_size == 0:
            if submission.proof:
                raise WitnessRefusalError(422, "from size 0 the consistency proof is empty")
            return
        try:
            verify_consistency(
                state.tree_size, head.tree_size, state.root_hash, head.root_hash, submission.proof
            )
        except ProofError as e:
            # Evidence of a log showing two histories: kept in the log, never cosigned.
            log.warning(
                "refused a checkpoint of %s at tree size %d inconsistent with the cosigned "
                "tree size %d (%s); the submitted note follows\n%s",
                head.origin,
                head.tree_size,
                state.tree_size,
                e,
                submission.note.decode(errors="replace"),
            )
            msg = f"not consistent with tree size {state.tree_size}: {e}"
            raise WitnessRefusalError(422, msg) from None

    def checkpoint(self, hashed_origin: str) -> bytes | None:
        """The latest cosigned checkpoint of the log whose origin hashes to ``hashed_origin``."""
        state = self.state.load_by_hash(hashed_origin)
        return None if state is None else state.checkpoint


def _tree_head_or_none(text: str) -> TreeHead | None:
    try:
        return parse_tree_head(text)
    except NoteError:
        return None
