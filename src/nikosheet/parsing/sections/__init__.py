"""One reader per section of the sheet; each turns a section's lines into its part of the document."""
