"""spasm-edu: interactive teaching material about muscle spasms.

Education, not diagnosis. See README.md for the two commands that set up and test the course.
"""

# The one place the version is written: pyproject.toml reads it (dynamic version); CHANGELOG.md
# and CITATION.cff repeat it (tests/test_package.py and tests/test_deployment.py check).
__version__ = "0.1.0"

DISCLAIMER = (
    "This is for learning only. It is not a diagnosis and it does not replace your doctor "
    "or nurse. Do not start, stop or change a medicine without talking to your prescriber."
)
