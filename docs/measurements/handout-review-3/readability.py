# Readability of the text before "Sources" ([n] markers removed); usage: python readability.py A-metric B-us B-metric
# (reads /tmp/s4/NAME.flow.txt made with plain pdftotext; each text block ends as its own sentence).
import re, textstat, sys
def body(path):
    t = open(path, encoding="utf-8").read()
    t = t.split("Sources (for your doctor)")[0]
    t = re.sub(r"\[\d+(?:[,\u2013-]\d+)*\]", "", t)   # [n] markers
    t = re.sub(r"(?<=[a-z.)])\d+(?:,\d+)+", "", t)  # superscripts flattened e.g. today.1,2,3
    t = re.sub(r"Page \d of \d", "", t)
    t = t.replace("☐", "").replace("\f", "\n")
    return t
def as_sentences(t):
    # bullets, headings and labels end where their line block ends: join wrapped lines,
    # end each block (blank-line separated) with a period if it lacks one
    out = []
    for block in re.split(r"\n\s*\n", t):
        b = " ".join(x.strip() for x in block.splitlines() if x.strip())
        if not b: continue
        if not re.search(r"[.!?:]$", b): b += "."
        out.append(b)
    return "\n".join(out)
for name in sys.argv[1:]:
    t = body(f"/tmp/s4/{name}.flow.txt")
    s = as_sentences(t)
    open(f"/tmp/s4/{name}.body.txt","w").write(s)
    words = textstat.lexicon_count(s)
    print(f"{name}: words={words} sentences={textstat.sentence_count(s)} FK={textstat.flesch_kincaid_grade(s):.1f} "
          f"SMOG={textstat.smog_index(s):.1f} FRE={textstat.flesch_reading_ease(s):.1f} "
          f"polysyll={textstat.polysyllabcount(s)}")
    full = open(f"/tmp/s4/{name}.flow.txt").read()
    print("   whole page words incl. sources:", textstat.lexicon_count(re.sub(r'Page \d of \d','',full)))
