"""Course tooling: what maintainers, educators and CI run, never the patient session or a
notebook's kernel.

- ``course``, ``sources``: the notebooks written from their text sources (``make sync``,
  ``make record``, ``sync --check``, ``pull``); the jupytext pairing.
- ``guide``, ``answer_key``: the instructor guide's generated parts and docs/answer-key.md.
- ``readability``: the reading-level gate's blocks (tests/test_reading_level.py).
- ``discover``: what the course holds (explorers, models, notebooks) for gates and benchmarks.
- ``bench``, ``bench_browser``: ``make bench`` and ``make bench-browser``.
- ``lab``: ``make lab`` (JupyterLab on a checkout, saving into the text sources).
- ``hubsetup``, ``links``: a class hub's settings, and its Binder and nbgitpuller links.

The import graph points one way: tooling imports the runtime (``spasm_edu.facts``,
``spasm_edu.session``, ``spasm_edu.present``…), never the other way round
(tests/test_structure.py).
"""
