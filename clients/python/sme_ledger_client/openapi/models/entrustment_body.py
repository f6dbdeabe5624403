from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.entrustment_body_scope import check_entrustment_body_scope
from ..models.entrustment_body_scope import EntrustmentBodyScope
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="EntrustmentBody")


@_attrs_define
class EntrustmentBody:
    """The hub entrusts an operating institution with its service hall, its online platform or
    both, for a term, under the agreement whose SHA-256 it gives.

    """

    document_sha256: str
    """ SHA-256 of the signed document, 64 hexadecimal characters """
    ends_on: datetime.date
    """ Last day of the term (included) """
    external_ref: str
    """ The hub's own reference; the same one is never recorded twice """
    operator_name: str
    operator_uscc: str
    """ Unified Social Credit Code (GB 32100-2015), check character verified """
    scope: EntrustmentBodyScope
    """ What the operator runs: the service hall, the online platform, both """
    starts_on: datetime.date
    """ First day of the term """
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future, not before the agreement's last step. Record an agreement signed earlier with the real signing time.
    """

    def to_dict(self) -> dict[str, Any]:
        document_sha256 = self.document_sha256

        ends_on = self.ends_on.isoformat()

        external_ref = self.external_ref

        operator_name = self.operator_name

        operator_uscc = self.operator_uscc

        scope: str = self.scope

        starts_on = self.starts_on.isoformat()

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
                "document_sha256": document_sha256,
                "ends_on": ends_on,
                "external_ref": external_ref,
                "operator_name": operator_name,
                "operator_uscc": operator_uscc,
                "scope": scope,
                "starts_on": starts_on,
            }
        )
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_sha256 = d.pop("document_sha256")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        external_ref = d.pop("external_ref")

        operator_name = d.pop("operator_name")

        operator_uscc = d.pop("operator_uscc")

        scope = check_entrustment_body_scope(d.pop("scope"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

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

        entrustment_body = cls(
            document_sha256=document_sha256,
            ends_on=ends_on,
            external_ref=external_ref,
            operator_name=operator_name,
            operator_uscc=operator_uscc,
            scope=scope,
            starts_on=starts_on,
            occurred_at=occurred_at,
        )

        return entrustment_body
