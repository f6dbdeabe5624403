"""Offline verification of evidence packs, for auditors: imports nothing of the write side."""
