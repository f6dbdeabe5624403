from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="AgreementProposal")


@_attrs_define
class AgreementProposal:
    """The hub or a window proposes an agreement; the counterparty countersigns it."""

    categories: list[str]
    """ Service categories covered; a first-level code (e.g. 14) covers its items """
    counterparty_id: UUID
    """ The other party: a platform's id or a registered institution's """
    document_sha256: str
    """ SHA-256 of the signed document, 64 hexadecimal characters """
    ends_on: datetime.date
    """ Last day of the term (included) """
    external_ref: str
    """ The proposer's own reference; the same one never proposes twice """
    starts_on: datetime.date
    """ First day of the term """
    title: str
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future, not before the agreement's last step. Record an agreement signed earlier with the real signing time.
    """

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories

        counterparty_id = str(self.counterparty_id)

        document_sha256 = self.document_sha256

        ends_on = self.ends_on.isoformat()

        external_ref = self.external_ref

        starts_on = self.starts_on.isoformat()

        title = self.title

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "categories": categories,
                "counterparty_id": counterparty_id,
                "document_sha256": document_sha256,
                "ends_on": ends_on,
                "external_ref": external_ref,
                "starts_on": starts_on,
                "title": title,
            }
        )
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        categories = cast(list[str], d.pop("categories"))

        counterparty_id = UUID(d.pop("counterparty_id"))

        document_sha256 = d.pop("document_sha256")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        external_ref = d.pop("external_ref")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        title = d.pop("title")

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        agreement_proposal = cls(
            categories=categories,
            counterparty_id=counterparty_id,
            document_sha256=document_sha256,
            ends_on=ends_on,
            external_ref=external_ref,
            starts_on=starts_on,
            title=title,
            occurred_at=occurred_at,
        )

        return agreement_proposal
