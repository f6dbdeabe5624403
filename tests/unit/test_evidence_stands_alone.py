"""The auditor's verifier needs none of the operator's code.

An evidence pack is checked by ``evidence`` alone: not the unit of work, the stores, the HTTP
service, the views or the event-sourcing application. A subprocess imports only it, verifies a
real pack, and reports what was loaded.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

PACK = Path(__file__).parents[1] / "e2e" / "legacy_v0_1" / "pack.zip.gz"
FORBIDDEN = ("ledger", "api", "projections", "runtime", "cli", "demo", "eventsourcing")

SCRIPT = """
import json, sys
from pathlib import Path
from evidence import verify_pack
report = verify_pack(Path(sys.argv[1]))
print(json.dumps({"ok": report.ok, "events": report.events, "modules": sorted(sys.modules)}))
"""


def test_a_pack_is_verified_with_no_module_of_the_write_side_loaded(tmp_path: Path) -> None:
    pack = tmp_path / "pack.zip"
    with gzip.open(PACK) as source, pack.open("wb") as target:
        shutil.copyfileobj(source, target)

    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(pack)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    result = json.loads(done.stdout)

    assert result["ok"] is True
    assert result["events"] == 1370
    loaded = [m for m in result["modules"] if m.split(".")[0] in FORBIDDEN]
    assert loaded == []
