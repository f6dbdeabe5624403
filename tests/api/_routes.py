"""Routes against roles: the route table's row, the parameters every role test takes from a
table, and what a refused, an admitted and an unauthenticated call must show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx
import pytest
from _pytest.mark.structures import ParameterSet

from ledger.domain.access_key import Role
from tests.api._support import JSON, Api, assert_problem


@dataclass(frozen=True)
class Route:
    """One route, the roles it admits, and how to call it successfully as a given role."""

    method: str
    template: str
    allowed: frozenset[Role]
    target: Callable[[Api, Role], str]
    """The concrete path, after setting up whatever the call needs for a caller of that role."""
    body: Callable[[Api, Role | None], JSON] | None = None
    created: bool = False

    def __str__(self) -> str:
        return f"{self.method} {self.template}"

    def call(
        self, api: Api, path: str, key: str | None, role: Role | None = None
    ) -> httpx.Response:
        if self.method == "GET":
            return api.get(path, key=key)
        assert self.body is not None
        return api.post(path, key=key, json=self.body(api, role))


@dataclass(frozen=True)
class RoleCases:
    """Every (route, role) pair a table refuses, every pair it admits, and every route."""

    refused: list[ParameterSet]
    admitted: list[ParameterSet]
    every_route: list[ParameterSet]


def role_cases(routes: Sequence[Route]) -> RoleCases:
    def pairs(admits: bool) -> list[ParameterSet]:
        return [
            pytest.param(route, role, id=f"{route} as {role}")
            for route in routes
            for role in Role
            if (role in route.allowed) is admits
        ]

    return RoleCases(
        refused=pairs(False),
        admitted=pairs(True),
        every_route=[pytest.param(route, id=str(route)) for route in routes],
    )


def assert_forbidden_and_unrecorded(
    api: Api, route: Route, role: Role, set_up_as: Role | None = None
) -> None:
    """``role`` gets 403 naming it, and the log does not move; the call's set-up is done for
    ``set_up_as`` (by default ``role`` itself)."""
    path = route.target(api, set_up_as or role)
    head = api.head()

    response = route.call(api, path, api.keys.for_role(role), role)

    problem = assert_problem(response, 403, "forbidden_role")
    assert role.value in problem["detail"]
    assert api.head() == head


def assert_answered(api: Api, route: Route, role: Role) -> None:
    path = route.target(api, role)

    response = route.call(api, path, api.keys.for_role(role), role)

    assert response.status_code == (201 if route.created else 200), response.text


def role_tests(
    cases: RoleCases, set_up_refused_as: Role | None = None
) -> tuple[Callable[[Api, Route, Role], None], Callable[[Api, Route, Role], None]]:
    """The two tests every role table takes: a role the route is not for gets 403 and nothing
    is recorded (its set-up done for ``set_up_refused_as``, by default the role itself), and a
    role the route is for is answered. A test module binds them to names of its own."""

    @pytest.mark.parametrize(("route", "role"), cases.refused)
    def refused(api: Api, route: Route, role: Role) -> None:
        assert_forbidden_and_unrecorded(api, route, role, set_up_refused_as)

    @pytest.mark.parametrize(("route", "role"), cases.admitted)
    def admitted(api: Api, route: Route, role: Role) -> None:
        assert_answered(api, route, role)

    return refused, admitted


def assert_unauthenticated_and_unrecorded(
    api: Api, route: Route, set_up_as: Role
) -> httpx.Response:
    """A call with no key gets 401 and the log does not move; the answer, for more checks."""
    path = route.target(api, set_up_as)
    head = api.head()

    response = route.call(api, path, None)

    assert_problem(response, 401, "unauthenticated")
    assert api.head() == head
    return response
