"""The ``sme-ledger`` command: every subcommand, put together."""

from __future__ import annotations

import typer

from cli import appraise, keys, seal, serve, views
from cli import audit as cli_audit

app = typer.Typer(
    name="sme-ledger",
    help="SME Service Ledger: the event-sourced record of the SME public service network.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("seal")(seal.seal)
app.command()(serve.serve)
app.command()(serve.migrate)
app.command()(serve.demo)
app.command()(appraise.appraise)
app.command("import")(keys.import_)
app.add_typer(keys.keys_app, name="keys")
app.add_typer(views.project_app, name="project")
app.add_typer(cli_audit.audit_app, name="audit")


def main() -> None:
    app()
