"""Authoring script for notebooks/patient_session.ipynb: the Voila app for a nurse and a patient.

One code cell builds and shows the session; Voila serves it with the code hidden
(`make present`). All logic lives in spasm_edu/session.py.
"""

from spasm_edu.course import cell, write_notebook

write_notebook(
    "patient_session.ipynb",
    [cell("code", "from spasm_edu.session import PatientSession\n\nPatientSession()")],
    {"data": ["causes.csv", "self_care_tips.csv", "see_a_doctor.csv", "red_flags.csv"]},
)
