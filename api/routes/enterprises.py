"""Enterprises, registered and read by their USCC; their figures updated as valid from a day;
their contact person recorded (sealed), read by the hub and the recording window, and erased."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import APIRouter, Depends, Response

from api.deps import Ledger, require, require_json
from api.openapi import READ_HEADERS
from api.responses import outcome_response, view_response
from api.schemas.participants import EnterpriseFiguresUpdate, EnterpriseRegistration
from api.schemas.personal_data import ContactBody, ContactErasureBody
from api.writers import Writer, creating, stepping
from ledger.application import interface
from ledger.application.context import Principal
from ledger.application.handlers.enterprises import Enterprises
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.enterprise import Enterprise

router = APIRouter(prefix="/v1/enterprises", tags=["enterprises"])

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
)
def register_enterprise(body: EnterpriseRegistration, write: Registering) -> Response:
    outcome = write.ledger.handle(body.to_command(), write.context(body))
    # An enterprise lives at its USCC, not at its stream id.
    return outcome_response(outcome, location_id=outcome.body["uscc"])


@router.get("/{uscc}", summary="An enterprise by its USCC", responses=READ_HEADERS)
def get_enterprise(uscc: str, principal: Reader, ledger: Ledger) -> Response:
    enterprise = ledger.read(Enterprise, ids.enterprise_id(uscc.strip().upper()), principal)
    return view_response(interface.enterprise_view(enterprise), enterprise.version)


@router.post(
    "/{uscc}/figures",
    dependencies=[Depends(require_json)],
    summary="Record the enterprise's figures as valid from a day (its size class follows)",
)
def update_enterprise_figures(
    uscc: str, body: EnterpriseFiguresUpdate, write: Updating
) -> Response:
    command = body.to_command(ids.enterprise_id(uscc.strip().upper()))
    outcome = write.ledger.handle(command, write.context(body))
    return outcome_response(outcome)


@router.post(
    "/{uscc}/contact",
    dependencies=[Depends(require_json)],
    summary="Record the enterprise's contact person (sealed with the enterprise's own key)",
)
def record_enterprise_contact(uscc: str, body: ContactBody, write: Contacting) -> Response:
    command = body.to_command(ids.enterprise_id(uscc.strip().upper()))
    return outcome_response(write.ledger.handle(command, write.context(body)))


@router.get(
    "/{uscc}/contact",
    summary="The enterprise's contact person, for the hub and the window that recorded it",
    responses=READ_HEADERS,
)
def get_enterprise_contact(uscc: str, principal: ContactReader, ledger: Ledger) -> Response:
    enterprise = ledger.read(Enterprise, ids.enterprise_id(uscc.strip().upper()), principal)
    enterprises = cast(Enterprises, ledger.capability(Enterprise))
    contact = enterprises.contact(enterprise, principal)
    response = view_response(contact, enterprise.version)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post(
    "/{uscc}/contact-erasure",
    dependencies=[Depends(require_json)],
    summary="Erase the contact person (PIPL Art. 47): its key is destroyed, the log stays whole",
)
def erase_enterprise_contact(uscc: str, body: ContactErasureBody, write: Contacting) -> Response:
    command = body.to_command(ids.enterprise_id(uscc.strip().upper()))
    return outcome_response(write.ledger.handle(command, write.context(body)))
