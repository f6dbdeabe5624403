from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.readiness_status import check_readiness_status
from ..models.readiness_status import ReadinessStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.readiness_checks import ReadinessChecks
    from ..models.readiness_views_type_0 import ReadinessViewsType0
    from ..models.standby_lag import StandbyLag


T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """The event store answers: ``ready``, or ``degraded`` (views stalled, or the standby
    away); the head of the log and each view's lag (or why the views cannot be read).

    """

    checks: ReadinessChecks
    """ What was reached: the event store, and the read standby where one is set. """
    head: int
    status: ReadinessStatus
    views: ReadinessViewsType0 | str
    stalled: list[str] | Unset = UNSET
    standby: StandbyLag | Unset = UNSET
    """ How far the read standby is behind: in events, and in seconds of replay. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.readiness_checks import ReadinessChecks  # noqa: PLC0415
        from ..models.readiness_views_type_0 import ReadinessViewsType0  # noqa: PLC0415
        from ..models.standby_lag import StandbyLag  # noqa: PLC0415

        checks = self.checks.to_dict()

        head = self.head

        status: str = self.status

        views: dict[str, Any] | str
        if isinstance(self.views, ReadinessViewsType0):
            views = self.views.to_dict()
        else:
            views = self.views

        stalled: list[str] | Unset = UNSET
        if not isinstance(self.stalled, Unset):
            stalled = self.stalled

        standby: dict[str, Any] | Unset = UNSET
        if not isinstance(self.standby, Unset):
            standby = self.standby.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checks": checks,
                "head": head,
                "status": status,
                "views": views,
            }
        )
        if stalled is not UNSET:
            field_dict["stalled"] = stalled
        if standby is not UNSET:
            field_dict["standby"] = standby

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_checks import ReadinessChecks  # noqa: PLC0415
        from ..models.readiness_views_type_0 import ReadinessViewsType0  # noqa: PLC0415
        from ..models.standby_lag import StandbyLag  # noqa: PLC0415

        d = dict(src_dict)
        checks = ReadinessChecks.from_dict(d.pop("checks"))

        head = d.pop("head")

        status = check_readiness_status(d.pop("status"))

        def _parse_views(data: object) -> ReadinessViewsType0 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                views_type_0 = ReadinessViewsType0.from_dict(data)

                return views_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ReadinessViewsType0 | str, data)

        views = _parse_views(d.pop("views"))

        stalled = cast(list[str], d.pop("stalled", UNSET))

        _standby = d.pop("standby", UNSET)
        standby: StandbyLag | Unset
        if isinstance(_standby, Unset):
            standby = UNSET
        else:
            standby = StandbyLag.from_dict(_standby)

        readiness = cls(
            checks=checks,
            head=head,
            status=status,
            views=views,
            stalled=stalled,
            standby=standby,
        )

        readiness.additional_properties = d
        return readiness

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
