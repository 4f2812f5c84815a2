# How the PDFs for docs/handout-review-independent-3.md were made (run from the repo root with .venv/bin/python).
# Then: pdftoppm -png -r 100 (viewing), -r 60 (saved here); pdftotext -layout and pdftotext (flow, for readability.py).
from pathlib import Path
from spasm_edu import handout
out = Path("/tmp/s4")
for name, units in (("A","metric"),("B","us"),("B","metric")):
    s = handout.reference_session(name, units=units)
    page = handout.render(s.handout_data(), paper="letter")
    p = out / f"{name}-{units}.html"
    p.write_text(page, encoding="utf-8")
    pdf = handout.pdf_bytes(p)
    (out / f"{name}-{units}.pdf").write_bytes(pdf)
    print(name, units, handout.pdf_page_count(pdf))
