from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.checkpoint_view import CheckpointView


T = TypeVar("T", bound="ConsistencyProofView")


@_attrs_define
class ConsistencyProofView:
    """Proof that the tree of the later checkpoint (``to``) extends
    the tree of the earlier one (``from``): the consistency proof (RFC 6962; hashes in lowercase
    hex) and both checkpoints.

    """

    from_: int
    from_checkpoint: CheckpointView
    """ A signed checkpoint: the tree size, its root (lowercase hex), the log position of its
    last leaf and when it was sealed; the id of the key that signed it, the Ed25519 signature
    (hex), and the message signed, which these fields spell out (docs/audit.md). """
    path: list[str]
    to: int
    to_checkpoint: CheckpointView
    """ A signed checkpoint: the tree size, its root (lowercase hex), the log position of its
    last leaf and when it was sealed; the id of the key that signed it, the Ed25519 signature
    (hex), and the message signed, which these fields spell out (docs/audit.md). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.checkpoint_view import CheckpointView  # noqa: PLC0415

        from_ = self.from_

        from_checkpoint = self.from_checkpoint.to_dict()

        path = self.path

        to = self.to

        to_checkpoint = self.to_checkpoint.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "from_checkpoint": from_checkpoint,
                "path": path,
                "to": to,
                "to_checkpoint": to_checkpoint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checkpoint_view import CheckpointView  # noqa: PLC0415

        d = dict(src_dict)
        from_ = d.pop("from")

        from_checkpoint = CheckpointView.from_dict(d.pop("from_checkpoint"))

        path = cast(list[str], d.pop("path"))

        to = d.pop("to")

        to_checkpoint = CheckpointView.from_dict(d.pop("to_checkpoint"))

        consistency_proof_view = cls(
            from_=from_,
            from_checkpoint=from_checkpoint,
            path=path,
            to=to,
            to_checkpoint=to_checkpoint,
        )

        consistency_proof_view.additional_properties = d
        return consistency_proof_view

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
