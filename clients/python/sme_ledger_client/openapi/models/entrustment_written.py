from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.entrustment_written_scope import check_entrustment_written_scope
from ..models.entrustment_written_scope import EntrustmentWrittenScope
from ..models.entrustment_written_status import check_entrustment_written_status
from ..models.entrustment_written_status import EntrustmentWrittenStatus
from typing import cast

if TYPE_CHECKING:
    from ..models.entrusted_operator import EntrustedOperator
    from ..models.entrustment_renewal import EntrustmentRenewal
    from ..models.entrustment_term import EntrustmentTerm
    from ..models.entrustment_termination import EntrustmentTermination
    from ..models.operator_appraisal_view import OperatorAppraisalView


T = TypeVar("T", bound="EntrustmentWritten")


@_attrs_define
class EntrustmentWritten:
    """The hub's entrustment of its operating institution as it stands on a day (``as_on``):
    its status, the term that runs then, its appraisals and renewals. With the log position of the write.

    """

    accepted_on: None | str
    appraisals: list[OperatorAppraisalView]
    as_on: str
    created_at: str
    external_ref: str
    hub_id: str
    id: str
    in_force: bool
    modified_at: str
    operator: EntrustedOperator
    """ The operating institution (运营机构) entrusted with the hub. """
    position: int
    renewals: list[EntrustmentRenewal]
    scope: EntrustmentWrittenScope
    status: EntrustmentWrittenStatus
    term_running: EntrustmentTerm | None
    termination: EntrustmentTermination | None
    terms: list[EntrustmentTerm]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.entrusted_operator import EntrustedOperator  # noqa: PLC0415
        from ..models.entrustment_renewal import EntrustmentRenewal  # noqa: PLC0415
        from ..models.entrustment_term import EntrustmentTerm  # noqa: PLC0415
        from ..models.entrustment_termination import EntrustmentTermination  # noqa: PLC0415
        from ..models.operator_appraisal_view import OperatorAppraisalView  # noqa: PLC0415

        accepted_on: None | str
        accepted_on = self.accepted_on

        appraisals = []
        for appraisals_item_data in self.appraisals:
            appraisals_item = appraisals_item_data.to_dict()
            appraisals.append(appraisals_item)

        as_on = self.as_on

        created_at = self.created_at

        external_ref = self.external_ref

        hub_id = self.hub_id

        id = self.id

        in_force = self.in_force

        modified_at = self.modified_at

        operator = self.operator.to_dict()

        position = self.position

        renewals = []
        for renewals_item_data in self.renewals:
            renewals_item = renewals_item_data.to_dict()
            renewals.append(renewals_item)

        scope: str = self.scope

        status: str = self.status

        term_running: dict[str, Any] | None
        if isinstance(self.term_running, EntrustmentTerm):
            term_running = self.term_running.to_dict()
        else:
            term_running = self.term_running

        termination: dict[str, Any] | None
        if isinstance(self.termination, EntrustmentTermination):
            termination = self.termination.to_dict()
        else:
            termination = self.termination

        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted_on": accepted_on,
                "appraisals": appraisals,
                "as_on": as_on,
                "created_at": created_at,
                "external_ref": external_ref,
                "hub_id": hub_id,
                "id": id,
                "in_force": in_force,
                "modified_at": modified_at,
                "operator": operator,
                "position": position,
                "renewals": renewals,
                "scope": scope,
                "status": status,
                "term_running": term_running,
                "termination": termination,
                "terms": terms,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entrusted_operator import EntrustedOperator  # noqa: PLC0415
        from ..models.entrustment_renewal import EntrustmentRenewal  # noqa: PLC0415
        from ..models.entrustment_term import EntrustmentTerm  # noqa: PLC0415
        from ..models.entrustment_termination import EntrustmentTermination  # noqa: PLC0415
        from ..models.operator_appraisal_view import OperatorAppraisalView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_accepted_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        accepted_on = _parse_accepted_on(d.pop("accepted_on"))

        appraisals = []
        _appraisals = d.pop("appraisals")
        for appraisals_item_data in _appraisals:
            appraisals_item = OperatorAppraisalView.from_dict(appraisals_item_data)

            appraisals.append(appraisals_item)

        as_on = d.pop("as_on")

        created_at = d.pop("created_at")

        external_ref = d.pop("external_ref")

        hub_id = d.pop("hub_id")

        id = d.pop("id")

        in_force = d.pop("in_force")

        modified_at = d.pop("modified_at")

        operator = EntrustedOperator.from_dict(d.pop("operator"))

        position = d.pop("position")

        renewals = []
        _renewals = d.pop("renewals")
        for renewals_item_data in _renewals:
            renewals_item = EntrustmentRenewal.from_dict(renewals_item_data)

            renewals.append(renewals_item)

        scope = check_entrustment_written_scope(d.pop("scope"))

        status = check_entrustment_written_status(d.pop("status"))

        def _parse_term_running(data: object) -> EntrustmentTerm | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                term_running_type_0 = EntrustmentTerm.from_dict(data)

                return term_running_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EntrustmentTerm | None, data)

        term_running = _parse_term_running(d.pop("term_running"))

        def _parse_termination(data: object) -> EntrustmentTermination | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                termination_type_0 = EntrustmentTermination.from_dict(data)

                return termination_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EntrustmentTermination | None, data)

        termination = _parse_termination(d.pop("termination"))

        terms = []
        _terms = d.pop("terms")
        for terms_item_data in _terms:
            terms_item = EntrustmentTerm.from_dict(terms_item_data)

            terms.append(terms_item)

        version = d.pop("version")

        entrustment_written = cls(
            accepted_on=accepted_on,
            appraisals=appraisals,
            as_on=as_on,
            created_at=created_at,
            external_ref=external_ref,
            hub_id=hub_id,
            id=id,
            in_force=in_force,
            modified_at=modified_at,
            operator=operator,
            position=position,
            renewals=renewals,
            scope=scope,
            status=status,
            term_running=term_running,
            termination=termination,
            terms=terms,
            version=version,
        )

        entrustment_written.additional_properties = d
        return entrustment_written

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
