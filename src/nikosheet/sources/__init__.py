"""Sources: the bytes of an input turned into the lines the parser reads (text; PDF and DOCX later)."""
