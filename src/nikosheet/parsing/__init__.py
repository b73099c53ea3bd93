"""Parsing: lines → blocks → sections → the document (plain data of the `models.Sheet` shape).

The pipeline is `document.build`: `lines` classifies every line, `headings` finds the sections,
`sections/` holds one reader per section, `values/` reads numbers, eras, choices and frequencies,
and `state.Context` is the one state they share (which lines are taken, diagnostics, template text).
"""
