"""RFC 3161 timestamps of checkpoint notes, verified with ``rfc3161-client`` (nothing
hand-rolled: the library parses the ASN.1 and checks the CMS signature and its chain).

What a time-stamping authority (TSA) is asked to sign is the SHA-256 of a checkpoint note's
**signed text**: every byte from the origin line to the last text line's newline, exactly the
bytes the sealing key signs (not the blank line, not the signature lines). So a token binds the
log's origin, tree size, root hash, last position and the note's own ``sealed-at``, and stays
valid whatever signature lines (witness cosignatures) are added to the note later.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from rfc3161_client import (
    HashAlgorithm,
    TimeStampRequest,
    TimestampRequestBuilder,
    TimeStampResponse,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

from evidence.checkpoint_note import TreeHead, parse_tree_head
from evidence.note import NoteError, split_note

QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"


class TimestampError(ValueError):
    """A timestamp that does not verify: not granted, another imprint or nonce, a signature
    or chain that does not lead to a trusted CA, or bytes that are not a timestamp reply."""


def signed_text(note: bytes) -> bytes:
    """The bytes of ``note`` that its signatures sign (and that a timestamp's imprint hashes)."""
    try:
        text, _ = split_note(note)
    except NoteError as e:
        msg = f"not a signed note: {e}"
        raise TimestampError(msg) from None
    return text.encode("utf-8")


def imprint(note: bytes) -> bytes:
    """SHA-256 of the signed text of ``note``: the message imprint a TSA signs."""
    return hashlib.sha256(signed_text(note)).digest()


def timestamp_request(note: bytes) -> TimeStampRequest:
    """A timestamp query for ``note``: SHA-256 imprint, a random nonce, the TSA's certificate
    asked for (so the token carries it and verifies with the CA alone)."""
    return (
        TimestampRequestBuilder()
        .data(signed_text(note))
        .hash_algorithm(HashAlgorithm.SHA256)
        .nonce(nonce=True)
        .cert_request(cert_request=True)
        .build()
    )


def load_certificates(pem: bytes) -> list[x509.Certificate]:
    """Every certificate of a PEM file (a CA, or a CA and its intermediates)."""
    try:
        found = x509.load_pem_x509_certificates(pem)
    except ValueError as e:
        msg = f"not PEM certificates: {e}"
        raise TimestampError(msg) from None
    return found


@dataclass(frozen=True)
class TimestampCheck:
    """A verified timestamp of a checkpoint note."""

    head: TreeHead
    """The tree head the note describes (size, root, and its own ``sealed-at``)."""
    gen_time: datetime
    """When the TSA says it signed (its ``genTime``, UTC)."""
    serial_number: int
    policy: str

    @property
    def drift_seconds(self) -> float | None:
        """``sealed-at`` less ``genTime``: positive if the operator's clock ran ahead of the
        TSA's; ``None`` if the note has no ``sealed-at``."""
        if self.head.sealed_at is None:
            return None
        return (self.head.sealed_at - self.gen_time).total_seconds()


def decode_reply(reply: bytes) -> TimeStampResponse:
    try:
        return decode_timestamp_response(reply)
    except ValueError as e:
        msg = f"not an RFC 3161 timestamp reply: {e}"
        raise TimestampError(msg) from None


def verify_timestamp(
    note: bytes,
    reply: bytes,
    roots: list[x509.Certificate],
    *,
    intermediates: list[x509.Certificate] | None = None,
    nonce: int | None = None,
) -> TimestampCheck:
    """Check that ``reply`` (a DER TimeStampResp) grants a timestamp of ``note``'s signed text,
    signed by a TSA certificate (extended key usage timeStamping, critical) that chains to one
    of ``roots``; and, if given, that it answers the query with ``nonce``."""
    if not roots:
        raise TimestampError("no trusted CA certificate to verify the timestamp against")
    response = decode_reply(reply)
    head = _tree_head(note)
    builder = VerifierBuilder()
    for root in roots:
        builder = builder.add_root_certificate(root)
    for certificate in intermediates or []:
        builder = builder.add_intermediate_certificate(certificate)
    if nonce is not None:
        builder = builder.nonce(nonce)
    try:
        builder.build().verify(response, imprint(note))
    except VerificationError as e:
        msg = f"the timestamp does not verify: {e}"
        raise TimestampError(msg) from None
    info = response.tst_info
    return TimestampCheck(
        head=head,
        gen_time=info.gen_time.astimezone(UTC)
        if info.gen_time.tzinfo
        else info.gen_time.replace(tzinfo=UTC),
        serial_number=info.serial_number,
        policy=info.policy.dotted_string,
    )


def _tree_head(note: bytes) -> TreeHead:
    try:
        return parse_tree_head(signed_text(note).decode("utf-8"))
    except NoteError as e:
        msg = f"not a checkpoint note: {e}"
        raise TimestampError(msg) from None
