"""Row models for the files in ``data/``: one module per topic, each exporting ``TABLES``.

Adding a data file: write its row model here (a :class:`~spasm_edu.schema.base.FactRow`
subclass whose field names carry units) and list it in the module's ``TABLES``.
``spasm_edu.facts`` finds it without further registration.
"""
