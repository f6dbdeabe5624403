from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.checkpoint_view import CheckpointView


T = TypeVar("T", bound="InclusionProofView")


@_attrs_define
class InclusionProofView:
    """Proof that the event at a log position is leaf ``leaf_index`` of the checkpoint's tree:
    the leaf's hash and its audit path to the checkpoint's root (RFC 6962; hashes in lowercase
    hex).

    """

    checkpoint: CheckpointView
    """ A signed checkpoint: the tree size, its root (lowercase hex), the log position of its
    last leaf and when it was sealed; the id of the key that signed it, the Ed25519 signature
    (hex), and the message signed, which these fields spell out (docs/audit.md). """
    leaf_hash: str
    leaf_index: int
    path: list[str]
    position: int
    tree_size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.checkpoint_view import CheckpointView  # noqa: PLC0415

        checkpoint = self.checkpoint.to_dict()

        leaf_hash = self.leaf_hash

        leaf_index = self.leaf_index

        path = self.path

        position = self.position

        tree_size = self.tree_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkpoint": checkpoint,
                "leaf_hash": leaf_hash,
                "leaf_index": leaf_index,
                "path": path,
                "position": position,
                "tree_size": tree_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checkpoint_view import CheckpointView  # noqa: PLC0415

        d = dict(src_dict)
        checkpoint = CheckpointView.from_dict(d.pop("checkpoint"))

        leaf_hash = d.pop("leaf_hash")

        leaf_index = d.pop("leaf_index")

        path = cast(list[str], d.pop("path"))

        position = d.pop("position")

        tree_size = d.pop("tree_size")

        inclusion_proof_view = cls(
            checkpoint=checkpoint,
            leaf_hash=leaf_hash,
            leaf_index=leaf_index,
            path=path,
            position=position,
            tree_size=tree_size,
        )

        inclusion_proof_view.additional_properties = d
        return inclusion_proof_view

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
