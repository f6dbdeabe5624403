"""The ``sme-ledger`` command."""
