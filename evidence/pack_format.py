"""The evidence pack's binary framing (the layout is in docs/audit.md and ``ledger.audit.pack``)."""

from __future__ import annotations

import struct

PACK_FORMAT = "sme-ledger-evidence-pack/1"
LEAF_RECORD = struct.Struct(">QQ32s")
"""Per sealed leaf: u64 leaf index, u64 position, the 32-byte leaf hash."""
EVENT_HEADER = struct.Struct(">Q16sQQ")
"""position, stream id, version, topic length; the topic and u64 state length follow."""
U64 = struct.Struct(">Q")
