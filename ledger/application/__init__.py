"""The application layer: commands, the unit of work, group commit and the ledger itself."""
