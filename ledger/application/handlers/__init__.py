"""Capabilities: the one handler of each kind of aggregate's commands (one module per area)."""
