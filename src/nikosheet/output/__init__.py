"""Outputs: serialising documents (JSON, YAML, JSON Lines), atomic files, and the table of sheets."""
