"""Values: numbers, eras, choices, frequencies and template text, read from cell text."""
