"""Validates OSCAL assessment-results documents with compliance-trestle's OSCAL models.

Usage: python validate.py FILE...   (exit 1 and the errors when one does not validate)
"""
import json
import sys

from trestle.oscal import OSCAL_VERSION
from trestle.oscal.assessment_results import AssessmentResults

failed = False
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    try:
        AssessmentResults.model_validate(doc["assessment-results"])
        print(f"valid OSCAL {OSCAL_VERSION} assessment-results: {path}")
    except Exception as e:  # pydantic's ValidationError lists every problem
        failed = True
        print(f"INVALID {path}: {e}")
sys.exit(1 if failed else 0)
