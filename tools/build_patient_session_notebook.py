"""Authoring script for notebooks/patient_session.ipynb: the Voila app for a nurse and a patient.

One code cell builds and shows the session; Voila serves it with the code hidden
(`make present`). All logic lives in spasm_edu/session.py. The notebook's metadata title is the
browser tab's title.
"""

import json

from spasm_edu.course import cell, write_notebook

path = write_notebook(
    "patient_session.ipynb",
    [
        cell("code", "from spasm_edu.session import PatientSession\n\nPatientSession()"),
        cell(
            "md",
            "---\nspasm-edu is free teaching material. Code: MIT licence. Content: CC BY 4.0.",
            "footer",
        ),
    ],
    {"data": ["causes.csv", "self_care_tips.csv", "red_flags.csv", "red_flag_rules.csv"]},
)
nb = json.loads(path.read_text(encoding="utf-8"))
nb["metadata"]["title"] = "Muscle spasms: patient session"
path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
