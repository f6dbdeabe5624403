from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.notice_view import NoticeView
    from ..models.objection_view import ObjectionView
    from ..models.review_conclusion_view import ReviewConclusionView
    from ..models.review_view import ReviewView


T = TypeVar("T", bound="OnboardingApplicationWritten")


@_attrs_define
class OnboardingApplicationWritten:
    """An application to connect a window platform (Art. 10), from its filing to the
    connection; dates and times in ISO 8601. With the log position of the write.

    """

    applicant_name: str
    approved: bool | None
    categories: list[str]
    connected_at: None | str
    coverage: str
    created_at: str
    decided_at: None | str
    decision_text: None | str
    external_ref: str
    id: str
    materials_sha256: str
    mean_score: None | str
    modified_at: str
    notice: None | NoticeView
    objections: list[ObjectionView]
    platform_id: None | str
    position: int
    region: str
    review_conclusion: None | ReviewConclusionView
    reviews: list[ReviewView]
    reviews_needed: int
    status: str
    submitted_at: str
    uscc: str
    version: int
    withdrawal_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.notice_view import NoticeView  # noqa: PLC0415
        from ..models.objection_view import ObjectionView  # noqa: PLC0415
        from ..models.review_conclusion_view import ReviewConclusionView  # noqa: PLC0415
        from ..models.review_view import ReviewView  # noqa: PLC0415

        applicant_name = self.applicant_name

        approved: bool | None
        approved = self.approved

        categories = self.categories

        connected_at: None | str
        connected_at = self.connected_at

        coverage = self.coverage

        created_at = self.created_at

        decided_at: None | str
        decided_at = self.decided_at

        decision_text: None | str
        decision_text = self.decision_text

        external_ref = self.external_ref

        id = self.id

        materials_sha256 = self.materials_sha256

        mean_score: None | str
        mean_score = self.mean_score

        modified_at = self.modified_at

        notice: dict[str, Any] | None
        if isinstance(self.notice, NoticeView):
            notice = self.notice.to_dict()
        else:
            notice = self.notice

        objections = []
        for objections_item_data in self.objections:
            objections_item = objections_item_data.to_dict()
            objections.append(objections_item)

        platform_id: None | str
        platform_id = self.platform_id

        position = self.position

        region = self.region

        review_conclusion: dict[str, Any] | None
        if isinstance(self.review_conclusion, ReviewConclusionView):
            review_conclusion = self.review_conclusion.to_dict()
        else:
            review_conclusion = self.review_conclusion

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        reviews_needed = self.reviews_needed

        status = self.status

        submitted_at = self.submitted_at

        uscc = self.uscc

        version = self.version

        withdrawal_reason: None | str
        withdrawal_reason = self.withdrawal_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applicant_name": applicant_name,
                "approved": approved,
                "categories": categories,
                "connected_at": connected_at,
                "coverage": coverage,
                "created_at": created_at,
                "decided_at": decided_at,
                "decision_text": decision_text,
                "external_ref": external_ref,
                "id": id,
                "materials_sha256": materials_sha256,
                "mean_score": mean_score,
                "modified_at": modified_at,
                "notice": notice,
                "objections": objections,
                "platform_id": platform_id,
                "position": position,
                "region": region,
                "review_conclusion": review_conclusion,
                "reviews": reviews,
                "reviews_needed": reviews_needed,
                "status": status,
                "submitted_at": submitted_at,
                "uscc": uscc,
                "version": version,
                "withdrawal_reason": withdrawal_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notice_view import NoticeView  # noqa: PLC0415
        from ..models.objection_view import ObjectionView  # noqa: PLC0415
        from ..models.review_conclusion_view import ReviewConclusionView  # noqa: PLC0415
        from ..models.review_view import ReviewView  # noqa: PLC0415

        d = dict(src_dict)
        applicant_name = d.pop("applicant_name")

        def _parse_approved(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        approved = _parse_approved(d.pop("approved"))

        categories = cast(list[str], d.pop("categories"))

        def _parse_connected_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        connected_at = _parse_connected_at(d.pop("connected_at"))

        coverage = d.pop("coverage")

        created_at = d.pop("created_at")

        def _parse_decided_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decision_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_text = _parse_decision_text(d.pop("decision_text"))

        external_ref = d.pop("external_ref")

        id = d.pop("id")

        materials_sha256 = d.pop("materials_sha256")

        def _parse_mean_score(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mean_score = _parse_mean_score(d.pop("mean_score"))

        modified_at = d.pop("modified_at")

        def _parse_notice(data: object) -> None | NoticeView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notice_type_0 = NoticeView.from_dict(data)

                return notice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NoticeView, data)

        notice = _parse_notice(d.pop("notice"))

        objections = []
        _objections = d.pop("objections")
        for objections_item_data in _objections:
            objections_item = ObjectionView.from_dict(objections_item_data)

            objections.append(objections_item)

        def _parse_platform_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform_id = _parse_platform_id(d.pop("platform_id"))

        position = d.pop("position")

        region = d.pop("region")

        def _parse_review_conclusion(data: object) -> None | ReviewConclusionView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                review_conclusion_type_0 = ReviewConclusionView.from_dict(data)

                return review_conclusion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewConclusionView, data)

        review_conclusion = _parse_review_conclusion(d.pop("review_conclusion"))

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = ReviewView.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        reviews_needed = d.pop("reviews_needed")

        status = d.pop("status")

        submitted_at = d.pop("submitted_at")

        uscc = d.pop("uscc")

        version = d.pop("version")

        def _parse_withdrawal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withdrawal_reason = _parse_withdrawal_reason(d.pop("withdrawal_reason"))

        onboarding_application_written = cls(
            applicant_name=applicant_name,
            approved=approved,
            categories=categories,
            connected_at=connected_at,
            coverage=coverage,
            created_at=created_at,
            decided_at=decided_at,
            decision_text=decision_text,
            external_ref=external_ref,
            id=id,
            materials_sha256=materials_sha256,
            mean_score=mean_score,
            modified_at=modified_at,
            notice=notice,
            objections=objections,
            platform_id=platform_id,
            position=position,
            region=region,
            review_conclusion=review_conclusion,
            reviews=reviews,
            reviews_needed=reviews_needed,
            status=status,
            submitted_at=submitted_at,
            uscc=uscc,
            version=version,
            withdrawal_reason=withdrawal_reason,
        )

        onboarding_application_written.additional_properties = d
        return onboarding_application_written

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
