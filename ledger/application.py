"""The ledger application: every aggregate of the network in one application, one log.

Commands describe a decision and hand it to the unit of work; queries read aggregates (at any
version or time) and the log. Each capability is a mixin in ``ledger/commands``; plain views
for the edges live in ``ledger.interface``.
"""

from __future__ import annotations

from ledger.commands.access_keys import AccessKeyCommands, IssuedKey
from ledger.commands.activities import ActivityCommands
from ledger.commands.agreements import AgreementCommands
from ledger.commands.appraisals import AppraisalCommands
from ledger.commands.case_imports import CaseImportCommands
from ledger.commands.data_reports import DataReportCommands
from ledger.commands.disbursements import DisbursementCommands
from ledger.commands.institutions import InstitutionCommands
from ledger.commands.onboarding import OnboardingCommands
from ledger.commands.publications import PublicationCommands
from ledger.commands.service_cases import ServiceCaseCommands
from ledger.commands.standing import StandingCommands
from ledger.core import LedgerCore, LoggedEvent, utc_now

__all__ = ["IssuedKey", "LedgerApplication", "LedgerCore", "LoggedEvent", "utc_now"]


class LedgerApplication(
    CaseImportCommands,
    ServiceCaseCommands,
    AgreementCommands,
    AppraisalCommands,
    InstitutionCommands,
    StandingCommands,
    ActivityCommands,
    DataReportCommands,
    OnboardingCommands,
    PublicationCommands,
    DisbursementCommands,
    AccessKeyCommands,
):
    """Every aggregate of the network in one application, so the history has one total order."""

    name = "Ledger"
