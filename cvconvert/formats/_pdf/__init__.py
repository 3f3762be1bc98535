"""PDF: one `.pdf` reader (Europass XML, or the rules over the text layer)."""
