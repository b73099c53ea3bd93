"""Validation: rules over a parsed document (`rules/`), the engine that runs them, the `Problem`
they become and the reporters that print them."""
