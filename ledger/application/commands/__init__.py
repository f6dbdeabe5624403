"""Commands: every write the ledger takes, as data (one module per area)."""
