from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.budget_written_status import BudgetWrittenStatus
from ..models.budget_written_status import check_budget_written_status
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.budget_line_view import BudgetLineView
    from ..models.budget_money import BudgetMoney
    from ..models.signoff_view import SignoffView


T = TypeVar("T", bound="BudgetWritten")


@_attrs_define
class BudgetWritten:
    """The hub's operating budget for a year, line by line and in total (and, read after its
    year, what lapsed). With the log position of the write.

    """

    approval: None | SignoffView
    approval_note: str
    created_at: str
    hub_id: str
    id: str
    lines: list[BudgetLineView]
    modified_at: str
    open_disbursements: int
    position: int
    proposal: SignoffView
    """ Who signed off a step (``by``, an actor), when it happened (business time ``at``) and
    when it was recorded (``recorded_at``). """
    status: BudgetWrittenStatus
    totals: BudgetMoney
    """ The money of a line (or of the whole budget), as decimal strings; ``approved`` and
    ``remaining`` are ``null`` until the bureau approves the budget. """
    version: int
    year: int
    lapsed: str | Unset = UNSET
    year_ended: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_line_view import BudgetLineView  # noqa: PLC0415
        from ..models.budget_money import BudgetMoney  # noqa: PLC0415
        from ..models.signoff_view import SignoffView  # noqa: PLC0415

        approval: dict[str, Any] | None
        if isinstance(self.approval, SignoffView):
            approval = self.approval.to_dict()
        else:
            approval = self.approval

        approval_note = self.approval_note

        created_at = self.created_at

        hub_id = self.hub_id

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        modified_at = self.modified_at

        open_disbursements = self.open_disbursements

        position = self.position

        proposal = self.proposal.to_dict()

        status: str = self.status

        totals = self.totals.to_dict()

        version = self.version

        year = self.year

        lapsed = self.lapsed

        year_ended = self.year_ended

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approval": approval,
                "approval_note": approval_note,
                "created_at": created_at,
                "hub_id": hub_id,
                "id": id,
                "lines": lines,
                "modified_at": modified_at,
                "open_disbursements": open_disbursements,
                "position": position,
                "proposal": proposal,
                "status": status,
                "totals": totals,
                "version": version,
                "year": year,
            }
        )
        if lapsed is not UNSET:
            field_dict["lapsed"] = lapsed
        if year_ended is not UNSET:
            field_dict["year_ended"] = year_ended

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_line_view import BudgetLineView  # noqa: PLC0415
        from ..models.budget_money import BudgetMoney  # noqa: PLC0415
        from ..models.signoff_view import SignoffView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_approval(data: object) -> None | SignoffView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approval_type_0 = SignoffView.from_dict(data)

                return approval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignoffView, data)

        approval = _parse_approval(d.pop("approval"))

        approval_note = d.pop("approval_note")

        created_at = d.pop("created_at")

        hub_id = d.pop("hub_id")

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = BudgetLineView.from_dict(lines_item_data)

            lines.append(lines_item)

        modified_at = d.pop("modified_at")

        open_disbursements = d.pop("open_disbursements")

        position = d.pop("position")

        proposal = SignoffView.from_dict(d.pop("proposal"))

        status = check_budget_written_status(d.pop("status"))

        totals = BudgetMoney.from_dict(d.pop("totals"))

        version = d.pop("version")

        year = d.pop("year")

        lapsed = d.pop("lapsed", UNSET)

        year_ended = d.pop("year_ended", UNSET)

        budget_written = cls(
            approval=approval,
            approval_note=approval_note,
            created_at=created_at,
            hub_id=hub_id,
            id=id,
            lines=lines,
            modified_at=modified_at,
            open_disbursements=open_disbursements,
            position=position,
            proposal=proposal,
            status=status,
            totals=totals,
            version=version,
            year=year,
            lapsed=lapsed,
            year_ended=year_ended,
        )

        budget_written.additional_properties = d
        return budget_written

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
