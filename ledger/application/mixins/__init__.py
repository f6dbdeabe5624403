"""Commands and queries of each capability, as mixins on the store (``LedgerCore``)."""
