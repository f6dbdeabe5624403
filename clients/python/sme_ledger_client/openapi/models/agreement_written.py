from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agreement_written_status import AgreementWrittenStatus
from ..models.agreement_written_status import check_agreement_written_status
from typing import cast

if TYPE_CHECKING:
    from ..models.agreement_party import AgreementParty
    from ..models.agreement_termination import AgreementTermination
    from ..models.agreement_terms import AgreementTerms
    from ..models.agreement_terms_period import AgreementTermsPeriod
    from ..models.pending_amendment import PendingAmendment


T = TypeVar("T", bound="AgreementWritten")


@_attrs_define
class AgreementWritten:
    """A service agreement as it stands on a day (``as_on``): its status, its terms and the
    terms that apply on that day. With the log position of the write.

    """

    as_on: str
    counterparty: AgreementParty
    """ One side of an agreement: a platform (hub or window) or an institution, by id. """
    created_at: str
    external_ref: str
    id: str
    modified_at: str
    pending_amendment: None | PendingAmendment
    periods: list[AgreementTermsPeriod]
    position: int
    proposer: AgreementParty
    """ One side of an agreement: a platform (hub or window) or an institution, by id. """
    signed_on: None | str
    status: AgreementWrittenStatus
    termination: AgreementTermination | None
    terms: AgreementTerms
    """ What the parties agreed: scope (service category codes), term (days included, ISO
    dates) and the SHA-256 of the signed document. """
    terms_applying: AgreementTerms | None
    title: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agreement_party import AgreementParty  # noqa: PLC0415
        from ..models.agreement_termination import AgreementTermination  # noqa: PLC0415
        from ..models.agreement_terms import AgreementTerms  # noqa: PLC0415
        from ..models.agreement_terms_period import AgreementTermsPeriod  # noqa: PLC0415
        from ..models.pending_amendment import PendingAmendment  # noqa: PLC0415

        as_on = self.as_on

        counterparty = self.counterparty.to_dict()

        created_at = self.created_at

        external_ref = self.external_ref

        id = self.id

        modified_at = self.modified_at

        pending_amendment: dict[str, Any] | None
        if isinstance(self.pending_amendment, PendingAmendment):
            pending_amendment = self.pending_amendment.to_dict()
        else:
            pending_amendment = self.pending_amendment

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        position = self.position

        proposer = self.proposer.to_dict()

        signed_on: None | str
        signed_on = self.signed_on

        status: str = self.status

        termination: dict[str, Any] | None
        if isinstance(self.termination, AgreementTermination):
            termination = self.termination.to_dict()
        else:
            termination = self.termination

        terms = self.terms.to_dict()

        terms_applying: dict[str, Any] | None
        if isinstance(self.terms_applying, AgreementTerms):
            terms_applying = self.terms_applying.to_dict()
        else:
            terms_applying = self.terms_applying

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_on": as_on,
                "counterparty": counterparty,
                "created_at": created_at,
                "external_ref": external_ref,
                "id": id,
                "modified_at": modified_at,
                "pending_amendment": pending_amendment,
                "periods": periods,
                "position": position,
                "proposer": proposer,
                "signed_on": signed_on,
                "status": status,
                "termination": termination,
                "terms": terms,
                "terms_applying": terms_applying,
                "title": title,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_party import AgreementParty  # noqa: PLC0415
        from ..models.agreement_termination import AgreementTermination  # noqa: PLC0415
        from ..models.agreement_terms import AgreementTerms  # noqa: PLC0415
        from ..models.agreement_terms_period import AgreementTermsPeriod  # noqa: PLC0415
        from ..models.pending_amendment import PendingAmendment  # noqa: PLC0415

        d = dict(src_dict)
        as_on = d.pop("as_on")

        counterparty = AgreementParty.from_dict(d.pop("counterparty"))

        created_at = d.pop("created_at")

        external_ref = d.pop("external_ref")

        id = d.pop("id")

        modified_at = d.pop("modified_at")

        def _parse_pending_amendment(data: object) -> None | PendingAmendment:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pending_amendment_type_0 = PendingAmendment.from_dict(data)

                return pending_amendment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PendingAmendment, data)

        pending_amendment = _parse_pending_amendment(d.pop("pending_amendment"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = AgreementTermsPeriod.from_dict(periods_item_data)

            periods.append(periods_item)

        position = d.pop("position")

        proposer = AgreementParty.from_dict(d.pop("proposer"))

        def _parse_signed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signed_on = _parse_signed_on(d.pop("signed_on"))

        status = check_agreement_written_status(d.pop("status"))

        def _parse_termination(data: object) -> AgreementTermination | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                termination_type_0 = AgreementTermination.from_dict(data)

                return termination_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgreementTermination | None, data)

        termination = _parse_termination(d.pop("termination"))

        terms = AgreementTerms.from_dict(d.pop("terms"))

        def _parse_terms_applying(data: object) -> AgreementTerms | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                terms_applying_type_0 = AgreementTerms.from_dict(data)

                return terms_applying_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgreementTerms | None, data)

        terms_applying = _parse_terms_applying(d.pop("terms_applying"))

        title = d.pop("title")

        version = d.pop("version")

        agreement_written = cls(
            as_on=as_on,
            counterparty=counterparty,
            created_at=created_at,
            external_ref=external_ref,
            id=id,
            modified_at=modified_at,
            pending_amendment=pending_amendment,
            periods=periods,
            position=position,
            proposer=proposer,
            signed_on=signed_on,
            status=status,
            termination=termination,
            terms=terms,
            terms_applying=terms_applying,
            title=title,
            version=version,
        )

        agreement_written.additional_properties = d
        return agreement_written

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
