"""Fuzz the XLSX cell reader: the fuzzer's bytes are the first worksheet of a valid workbook
(python fuzz/fuzz_xlsx_sheet.py -max_total_time=600; see fuzz/README.md)."""

from _harness import main

if __name__ == "__main__":
    main("xlsx", part="xl/worksheets/sheet1.xml")
