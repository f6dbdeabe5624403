"""Enterprises, registered and read by their USCC; their figures updated as valid from a day;
their contact person recorded (sealed), read by the hub and the recording window, and erased."""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Response

from api.deps import Ledger, require, require_json
from api.openapi import READ_HEADERS
from api.responses import outcome_response, view_response
from api.schemas.participants import EnterpriseFiguresUpdate, EnterpriseRegistration
from api.schemas.personal_data import ContactBody, ContactErasureBody
from api.shapes import ShapedRoute, written
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application import interface
from ledger.application.capability import Command
from ledger.application.context import Principal
from ledger.application.handlers.enterprises import Enterprises
from ledger.application.interface import EnterpriseView
from ledger.application.interface.personal_data import ContactView
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.enterprise import Enterprise

router = APIRouter(route_class=ShapedRoute, prefix="/v1/enterprises", tags=["enterprises"])

Registering = Annotated[Writer, creating(Role.WINDOW, Role.HUB, Role.ADMIN)]
Updating = Annotated[Writer, stepping(Role.WINDOW, Role.HUB, Role.ADMIN)]
# Personal information is for those who serve the enterprise: the hub and windows (the bureau
# and auditors see that a contact is recorded or erased, never the contact).
Contacting = Annotated[Writer, stepping(Role.WINDOW, Role.HUB)]
ContactReader = Annotated[Principal, require(Role.WINDOW, Role.HUB)]
Reader = Annotated[Principal, require(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR, Role.ADMIN)]


@router.post(
    "",
    status_code=201,
    dependencies=[Depends(require_json)],
    summary="Register an enterprise by its USCC",
    responses={201: READ_HEADERS[200]},
    response_model=written(EnterpriseView),
)
def register_enterprise(body: EnterpriseRegistration, write: Registering) -> Response:
    outcome = write.ledger.handle(body.to_command(), write.context(body))
    # An enterprise lives at its USCC, not at its stream id.
    return outcome_response(outcome, location_id=outcome.body["uscc"])


@router.get(
    "/{uscc}",
    summary="An enterprise by its USCC",
    responses=READ_HEADERS,
    response_model=EnterpriseView,
)
def get_enterprise(uscc: str, principal: Reader, ledger: Ledger) -> Response:
    enterprise = ledger.read(Enterprise, ids.enterprise_id(uscc.strip().upper()), principal)
    return view_response(interface.enterprise_view(enterprise), enterprise.version)


def _by_uscc(body: Any, uscc: str) -> Command[Outcome]:
    """The command of ``body`` for the enterprise at ``uscc`` (it lives at its USCC)."""
    command: Command[Outcome] = body.to_command(ids.enterprise_id(uscc.strip().upper()))
    return command


routes = CommandRoutes(router, "uscc", str, shows=EnterpriseView)
routes.step(
    "/figures",
    "update_enterprise_figures",
    EnterpriseFiguresUpdate,
    Updating,
    "Record the enterprise's figures as valid from a day (its size class follows)",
    to_command=_by_uscc,
)
routes.step(
    "/contact",
    "record_enterprise_contact",
    ContactBody,
    Contacting,
    "Record the enterprise's contact person (sealed with the enterprise's own key)",
    to_command=_by_uscc,
)
routes.step(
    "/contact-erasure",
    "erase_enterprise_contact",
    ContactErasureBody,
    Contacting,
    "Erase the contact person (PIPL Art. 47): its key is destroyed, the log stays whole",
    to_command=_by_uscc,
)


@router.get(
    "/{uscc}/contact",
    summary="The enterprise's contact person, for the hub and the window that recorded it",
    responses=READ_HEADERS,
    response_model=ContactView,
)
def get_enterprise_contact(uscc: str, principal: ContactReader, ledger: Ledger) -> Response:
    enterprise = ledger.read(Enterprise, ids.enterprise_id(uscc.strip().upper()), principal)
    enterprises = cast(Enterprises, ledger.capability(Enterprise))
    contact = enterprises.contact(enterprise, principal)
    response = view_response(contact, enterprise.version)
    response.headers["Cache-Control"] = "no-store"
    return response
