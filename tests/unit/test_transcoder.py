"""The ledger's orjson transcoder: the library's contract, and exact types back for our events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import Transcoder, Transcoding, TranscodingNotRegisteredError
from eventsourcing.tests import persistence as contract
from eventsourcing.tests.persistence import (
    CustomType1AsDict,
    CustomType2AsDict,
    Mydict,
    MyInt,
    MyList,
    MyStr,
)

from ledger.domain.envelope import Envelope
from ledger.persistence.transcoder import OrjsonTranscoder, ledger_transcoder


class MydictAsDict(Transcoding):
    type = Mydict
    name = "mydict"

    def encode(self, obj: Mydict[Any, Any]) -> dict[Any, Any]:
        return dict(obj)

    def decode(self, data: dict[Any, Any]) -> Mydict[Any, Any]:
        return Mydict(data)


class MyListAsList(Transcoding):
    type = MyList
    name = "mylist"

    def encode(self, obj: MyList[Any]) -> list[Any]:
        return list(obj)

    def decode(self, data: list[Any]) -> MyList[Any]:
        return MyList(data)


class MyStrAsStr(Transcoding):
    type = MyStr
    name = "mystr"

    def encode(self, obj: MyStr) -> str:
        return str(obj)

    def decode(self, data: str) -> MyStr:
        return MyStr(data)


class MyIntAsInt(Transcoding):
    type = MyInt
    name = "myint"

    def encode(self, obj: MyInt) -> int:
        return int(obj)

    def decode(self, data: int) -> MyInt:
        return MyInt(data)


# Imported through its module, so pytest does not also collect the abstract base case itself.
class TestLedgerTranscoderMeetsTheLibraryContract(contract.TranscoderTestCase):
    def construct_transcoder(self) -> Transcoder:
        transcoder = ledger_transcoder()
        for transcoding in (
            CustomType1AsDict(),
            CustomType2AsDict(),
            MydictAsDict(),
            MyListAsList(),
            MyStrAsStr(),
            MyIntAsInt(),
        ):
            transcoder.register(transcoding)
        return transcoder


# --- our own types -----------------------------------------------------------------------------

CST = timezone(timedelta(hours=8))
CASE_ID = UUID("7cf9f48c-8546-5024-8c46-4b3bae35cec6")
WINDOW_ID = UUID("b22781f3-55e3-5a6e-960b-852ee75fbbc9")


@pytest.fixture
def transcoder() -> OrjsonTranscoder:
    return ledger_transcoder()


def _round_trip(transcoder: OrjsonTranscoder, obj: object) -> Any:
    return transcoder.decode(transcoder.encode(obj))


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(CASE_ID, id="uuid"),
        pytest.param(Decimal("1.10"), id="decimal-trailing-zero"),
        pytest.param(Decimal("1200.00"), id="decimal-money"),
        pytest.param(Decimal("1E+3"), id="decimal-positive-exponent"),
        pytest.param(datetime(2026, 3, 2, 9, 30, tzinfo=CST), id="datetime-cst"),
        pytest.param(datetime(2026, 3, 2, 1, 30, 0, 123456, tzinfo=UTC), id="datetime-utc"),
        pytest.param(date(2026, 3, 2), id="date"),
        pytest.param((1, "a"), id="tuple"),
    ],
)
def test_a_value_comes_back_with_its_exact_type(
    transcoder: OrjsonTranscoder, value: object
) -> None:
    copy = _round_trip(transcoder, value)
    assert type(copy) is type(value)
    assert copy == value


def test_a_decimal_keeps_its_exponent(transcoder: OrjsonTranscoder) -> None:
    copy = _round_trip(transcoder, Decimal("1.10"))
    assert copy.as_tuple() == Decimal("1.10").as_tuple()
    assert str(copy) == "1.10"


def test_an_aware_datetime_keeps_its_offset(transcoder: OrjsonTranscoder) -> None:
    copy = _round_trip(transcoder, datetime(2026, 3, 2, 9, 30, tzinfo=CST))
    assert copy.utcoffset() == timedelta(hours=8)
    assert copy.hour == 9


def test_a_date_is_not_turned_into_a_datetime(transcoder: OrjsonTranscoder) -> None:
    assert type(_round_trip(transcoder, date(2026, 3, 2))) is date


def test_an_envelope_comes_back_with_its_fields_typed(transcoder: OrjsonTranscoder) -> None:
    envelope = Envelope(
        actor="key:abc",
        platform_id=WINDOW_ID,
        correlation_id="req-1",
        causation_id=None,
        occurred_at=datetime(2026, 3, 2, 9, 30, tzinfo=CST),
    )
    copy = _round_trip(transcoder, envelope)
    assert type(copy) is Envelope
    assert copy == envelope
    assert type(copy.platform_id) is UUID
    assert copy.occurred_at.utcoffset() == timedelta(hours=8)


def test_an_envelope_without_a_platform_comes_back_without_one(
    transcoder: OrjsonTranscoder,
) -> None:
    envelope = Envelope(
        "system:bootstrap", None, "job-1", "evt-1", datetime(2026, 1, 1, tzinfo=CST)
    )
    assert _round_trip(transcoder, envelope) == envelope


def test_values_nested_in_dicts_and_lists_come_back_typed(transcoder: OrjsonTranscoder) -> None:
    state = {
        "id": CASE_ID,
        "fees": [Decimal("1.10"), Decimal("0.00")],
        "when": {"on": date(2026, 3, 2), "at": [datetime(2026, 3, 2, 9, 30, tzinfo=CST)]},
        "pair": (WINDOW_ID, "ref"),
        "none": None,
        "flag": True,
    }
    copy = _round_trip(transcoder, state)
    assert copy == state
    assert type(copy["id"]) is UUID
    assert [type(f) for f in copy["fees"]] == [Decimal, Decimal]
    assert str(copy["fees"][0]) == "1.10"
    assert type(copy["when"]["on"]) is date
    assert type(copy["when"]["at"][0]) is datetime
    assert type(copy["pair"]) is tuple
    assert type(copy["pair"][0]) is UUID


def test_stored_state_uses_the_libraries_tagged_form(transcoder: OrjsonTranscoder) -> None:
    assert transcoder.encode({"fee": Decimal("1.10")}) == (
        b'{"fee":{"_type_":"decimal_str","_data_":"1.10"}}'
    )


def test_a_subclass_of_a_plain_type_is_not_taken_for_it(transcoder: OrjsonTranscoder) -> None:
    with pytest.raises(TranscodingNotRegisteredError):
        transcoder.encode(MyStr("a"))


def test_an_unknown_tag_is_refused_when_decoding(transcoder: OrjsonTranscoder) -> None:
    with pytest.raises(TranscodingNotRegisteredError, match="'nope'"):
        transcoder.decode(b'{"_type_":"nope","_data_":1}')
