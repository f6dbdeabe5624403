"""RFC 6962 tree hashes, audit paths and consistency proofs, against the published test vectors
(certificate-transparency-go / Trillian) and a straight transcription of the RFC's definitions.
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidence.merkle import (
    EMPTY_ROOT,
    Frontier,
    MemoryTree,
    ProofError,
    aligned_nodes,
    leaf_hash,
    node_hash,
    root_of,
    verify_consistency,
    verify_inclusion,
)

# The well-known leaves and roots of the RFC 6962 test vectors.
LEAVES = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION = [
    (0, 1, []),
    (
        0,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (
        1,
        5,
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]
CONSISTENCY = [
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]
VECTOR_TREE = MemoryTree(leaf_hash(d) for d in LEAVES)


# --- the RFC's definitions, transcribed as plainly as possible ------------------------------


def _k(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(data: list[bytes]) -> bytes:
    if not data:
        return hashlib.sha256(b"").digest()
    if len(data) == 1:
        return hashlib.sha256(b"\x00" + data[0]).digest()
    k = _k(len(data))
    return hashlib.sha256(b"\x01" + mth(data[:k]) + mth(data[k:])).digest()


def path(m: int, data: list[bytes]) -> list[bytes]:
    n = len(data)
    if n == 1:
        return []
    k = _k(n)
    if m < k:
        return [*path(m, data[:k]), mth(data[k:])]
    return [*path(m - k, data[k:]), mth(data[:k])]


def subproof(m: int, data: list[bytes], b: bool) -> list[bytes]:
    n = len(data)
    if m == n:
        return [] if b else [mth(data)]
    k = _k(n)
    if m <= k:
        return [*subproof(m, data[:k], b), mth(data[k:])]
    return [*subproof(m - k, data[k:], False), mth(data[:k])]


def proof(m: int, data: list[bytes]) -> list[bytes]:
    return subproof(m, data, True)


def data_of(n: int) -> list[bytes]:
    return [i.to_bytes(4, "big") for i in range(n)]


# --- the published vectors ---------------------------------------------------------------


def test_the_empty_tree_has_the_hash_of_nothing() -> None:
    assert root_of([]) == EMPTY_ROOT == mth([])
    assert EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


@pytest.mark.parametrize("size", range(1, 9))
def test_roots_match_the_rfc_6962_vectors(size: int) -> None:
    assert root_of([leaf_hash(d) for d in LEAVES[:size]]).hex() == ROOTS[size - 1]
    assert VECTOR_TREE.root(size).hex() == ROOTS[size - 1]
    assert mth(LEAVES[:size]).hex() == ROOTS[size - 1]


@pytest.mark.parametrize(("index", "size", "expected"), INCLUSION)
def test_audit_paths_match_the_rfc_6962_vectors(index: int, size: int, expected: list[str]) -> None:
    produced = VECTOR_TREE.inclusion_proof(index, size)

    assert [h.hex() for h in produced] == expected
    verify_inclusion(
        index, size, leaf_hash(LEAVES[index]), produced, bytes.fromhex(ROOTS[size - 1])
    )


@pytest.mark.parametrize(("old", "new", "expected"), CONSISTENCY)
def test_consistency_proofs_match_the_rfc_6962_vectors(
    old: int, new: int, expected: list[str]
) -> None:
    produced = VECTOR_TREE.consistency_proof(old, new)

    assert [h.hex() for h in produced] == expected
    verify_consistency(
        old, new, bytes.fromhex(ROOTS[old - 1]), bytes.fromhex(ROOTS[new - 1]), produced
    )


# --- every size and index against the transcription ----------------------------------------


@pytest.mark.parametrize("size", range(1, 34))
def test_every_proof_of_small_trees_matches_the_rfc_definitions(size: int) -> None:
    data = data_of(size)
    tree = MemoryTree(leaf_hash(d) for d in data)
    root = mth(data)
    assert tree.root() == root
    for index in range(size):
        assert tree.inclusion_proof(index) == path(index, data)
        verify_inclusion(index, size, leaf_hash(data[index]), tree.inclusion_proof(index), root)
    for old in range(1, size + 1):
        assert tree.consistency_proof(old) == proof(old, data)
        verify_consistency(old, size, mth(data[:old]), root, tree.consistency_proof(old))


def test_the_frontier_reports_every_interior_node_exactly_once() -> None:
    frontier = Frontier()
    completed: list[tuple[tuple[int, int], bytes]] = []
    data = data_of(37)
    for d in data:
        frontier.append(leaf_hash(d), completed)
    tree = MemoryTree(leaf_hash(d) for d in data)

    assert frontier.root() == mth(data)
    expected = [
        ((level, index), digest)
        for level, hashes in enumerate(tree.levels)
        if level > 0
        for index, digest in enumerate(hashes)
    ]
    assert sorted(completed) == sorted(expected)


def test_a_frontier_restored_from_stored_nodes_goes_on_like_the_original() -> None:
    tree = MemoryTree(leaf_hash(d) for d in data_of(21))
    restored = Frontier.restore(21, tree.nodes)
    restored.append(leaf_hash(b"next"))

    assert restored.root() == mth([*data_of(21), b"next"])


def test_a_range_that_is_not_a_subtree_is_refused() -> None:
    with pytest.raises(ValueError, match="not a subtree"):
        aligned_nodes(1, 3)


# --- proofs that must be rejected ------------------------------------------------------------

TREE = MemoryTree(leaf_hash(d) for d in data_of(13))
ROOT13 = TREE.root()


def test_an_inclusion_proof_for_another_leaf_is_rejected() -> None:
    with pytest.raises(ProofError):
        verify_inclusion(4, 13, leaf_hash(data_of(13)[5]), TREE.inclusion_proof(4), ROOT13)


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_a_truncated_inclusion_proof_is_rejected(cut: int) -> None:
    proof_ = TREE.inclusion_proof(6)
    with pytest.raises(ProofError):
        verify_inclusion(6, 13, leaf_hash(data_of(13)[6]), proof_[:-cut], ROOT13)


def test_an_inclusion_proof_with_an_extra_hash_is_rejected() -> None:
    proof_ = TREE.inclusion_proof(6)
    with pytest.raises(ProofError):
        verify_inclusion(6, 13, leaf_hash(data_of(13)[6]), [*proof_, proof_[0]], ROOT13)


# A path does not pin the tree size on its own (leaf 6's path is the same in trees of 12 to 16
# leaves): the size that counts is the one signed in the checkpoint with the root.
@pytest.mark.parametrize("size", [3, 7, 32, 64])
def test_an_inclusion_proof_checked_at_a_wrong_tree_size_is_rejected(size: int) -> None:
    with pytest.raises(ProofError):
        verify_inclusion(6, size, leaf_hash(data_of(13)[6]), TREE.inclusion_proof(6), ROOT13)


@pytest.mark.parametrize(("index", "size"), [(13, 13), (-1, 13), (0, 0)])
def test_an_index_outside_the_tree_is_rejected(index: int, size: int) -> None:
    with pytest.raises(ProofError, match="outside"):
        verify_inclusion(index, size, leaf_hash(b""), [], ROOT13)


def test_a_hash_of_the_wrong_length_is_rejected() -> None:
    with pytest.raises(ProofError, match="32 bytes"):
        verify_inclusion(0, 13, leaf_hash(b""), [b"short"], ROOT13)


@pytest.mark.parametrize("old", [1, 4, 5, 8, 12])
def test_a_truncated_consistency_proof_is_rejected(old: int) -> None:
    proof_ = TREE.consistency_proof(old)
    with pytest.raises(ProofError):
        verify_consistency(old, 13, TREE.root(old), ROOT13, proof_[:-1])


def test_an_empty_consistency_proof_between_different_sizes_is_rejected() -> None:
    with pytest.raises(ProofError, match="empty"):
        verify_consistency(3, 13, TREE.root(3), ROOT13, [])


@pytest.mark.parametrize(("old", "new"), [(0, 13), (14, 13)])
def test_a_consistency_proof_between_impossible_sizes_is_rejected(old: int, new: int) -> None:
    with pytest.raises(ProofError, match="no consistency proof"):
        verify_consistency(old, new, ROOT13, ROOT13, [])


def test_a_consistency_proof_with_a_wrong_old_root_is_rejected() -> None:
    with pytest.raises(ProofError, match="tree size 5"):
        verify_consistency(5, 13, TREE.root(6), ROOT13, TREE.consistency_proof(5))


@pytest.mark.parametrize("size", [6, 7, 32])
def test_a_consistency_proof_checked_at_a_wrong_new_size_is_rejected(size: int) -> None:
    with pytest.raises(ProofError):
        verify_consistency(5, size, TREE.root(5), ROOT13, TREE.consistency_proof(5))


def test_equal_sizes_need_equal_roots_and_an_empty_proof() -> None:
    verify_consistency(13, 13, ROOT13, ROOT13, [])
    with pytest.raises(ProofError, match="different roots"):
        verify_consistency(13, 13, ROOT13, TREE.root(12), [])
    with pytest.raises(ProofError, match="empty"):
        verify_consistency(13, 13, ROOT13, ROOT13, [ROOT13])


@settings(max_examples=300, deadline=None)
@given(
    size=st.integers(1, 70),
    data=st.data(),
)
def test_fuzzed_inclusion_proofs_are_rejected(size: int, data: st.DataObject) -> None:
    tree = MemoryTree(leaf_hash(d) for d in data_of(size))
    index = data.draw(st.integers(0, size - 1))
    good = tree.inclusion_proof(index)
    leaf = leaf_hash(data_of(size)[index])
    bad = data.draw(st.lists(st.binary(min_size=32, max_size=32), max_size=10))
    if bad != good:
        with pytest.raises(ProofError):
            verify_inclusion(index, size, leaf, bad, tree.root())
    if good:
        position = data.draw(st.integers(0, len(good) - 1))
        bit = data.draw(st.integers(0, 255))
        flipped = [bytearray(h) for h in good]
        flipped[position][bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(ProofError):
            verify_inclusion(index, size, leaf, [bytes(h) for h in flipped], tree.root())


@settings(max_examples=300, deadline=None)
@given(size=st.integers(2, 70), data=st.data())
def test_fuzzed_consistency_proofs_are_rejected(size: int, data: st.DataObject) -> None:
    tree = MemoryTree(leaf_hash(d) for d in data_of(size))
    old = data.draw(st.integers(1, size - 1))
    good = tree.consistency_proof(old)
    verify_consistency(old, size, tree.root(old), tree.root(), good)
    position = data.draw(st.integers(0, len(good) - 1))
    bit = data.draw(st.integers(0, 255))
    flipped = [bytearray(h) for h in good]
    flipped[position][bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(ProofError):
        verify_consistency(old, size, tree.root(old), tree.root(), [bytes(h) for h in flipped])
    other_size = data.draw(st.integers(1, size).filter(lambda s: s != old))
    with pytest.raises(ProofError):
        verify_consistency(other_size, size, tree.root(old), tree.root(), good)


def test_node_hashes_are_domain_separated_from_leaf_hashes() -> None:
    left, right = leaf_hash(b"a"), leaf_hash(b"b")
    assert node_hash(left, right) != leaf_hash(left + right)
