"""Reads DOCX files as a recipient's tools would, with python-docx (PyPI, pinned in
scripts/setup.sh): for each file given, its headings and its tables (each a list of rows, each
row a list of cell texts). Prints one JSON object keyed by file path. Used by docx.test.mjs."""
import json
import sys

import docx


def read(path):
    d = docx.Document(path)
    headings = [p.text for p in d.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    return {"headings": headings, "tables": tables, "title": d.core_properties.title}


print(json.dumps({path: read(path) for path in sys.argv[1:]}))
