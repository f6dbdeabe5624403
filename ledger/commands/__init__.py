"""Commands and queries of each capability, as mixins on :class:`ledger.core.LedgerCore`."""
