"""Read models derived from the ledger's log.

Views are built from events only (never from the clock or random ids), commit their rows with
their tracking position, and can be rebuilt from the first event.
"""
