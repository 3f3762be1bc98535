"""Fuzz DOCX extraction: the fuzzer's bytes are word/document.xml of a valid package without
cvconvert's data part, so every run reads the page as someone else's CV
(python fuzz/fuzz_docx_page.py -max_total_time=600; see fuzz/README.md)."""

from _harness import main

if __name__ == "__main__":
    main("docx", part="word/document.xml")
