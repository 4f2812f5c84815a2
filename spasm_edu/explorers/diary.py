"""Diary explorer: a small form to add spasm entries, a table of them, and a Save button.

Nothing is written until the person presses **Save diary**; saving is atomic and never
overwrites a damaged or changed file (see :mod:`spasm_edu.diary`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import ipywidgets as w

from spasm_edu import diary, text
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.schema.diary import BODY_PARTS, DURATION_MAX_MIN, DURATION_MIN_MIN, TRIGGERS
from spasm_edu.text import esc

SEVERITY_WORDS = {0: "no pain", 3: "mild", 5: "moderate", 8: "severe", 10: "worst I can imagine"}


class DiaryExplorer(Explorer):
    """Add diary entries with labelled inputs; see them in a table; save only when asked.

    ``path``: the diary file (default ``my_spasm_diary.csv`` in the current folder). An existing
    file is read at start; a damaged one is reported by line and Save is switched off, so it is
    never overwritten. ``today`` fixes "today" for tests (dates after it are refused).
    """

    title = "My spasm diary"

    def __init__(
        self,
        path: Path | str | None = None,
        mode: Mode = "student",
        today: dt.date | None = None,
    ):
        self.today = today or dt.date.today()
        self.path = Path(path or diary.DEFAULT_DIARY)
        self.load_error: str | None = None
        try:
            self.diary = diary.Diary.open(self.path)
        except diary.DiaryFileError as exc:
            self.load_error = str(exc)
            self.diary = diary.Diary(self.path)  # its save() refuses: the file is not its own
        self.controls = {
            "date": w.DatePicker(value=self.today, description="Date"),
            "time": w.TimePicker(value=dt.time(12, 0), description="Time it started"),
            "body_part": w.Dropdown(
                options=[(label, key) for key, label in BODY_PARTS.items()],
                value="calf",
                description="Where",
            ),
            "trigger": w.Dropdown(
                options=[(label, key) for key, label in TRIGGERS.items()],
                value="none_noticed",
                description="What set it off",
            ),
            "duration_min": w.BoundedFloatText(
                value=1.0,
                min=DURATION_MIN_MIN,
                max=DURATION_MAX_MIN,
                step=0.5,
                description="How long (minutes)",
            ),
            "severity_0_10": w.Dropdown(
                options=[
                    (f"{n}" + (f" ({SEVERITY_WORDS[n]})" if n in SEVERITY_WORDS else ""), n)
                    for n in range(11)
                ],
                value=3,
                description="How bad (0 to 10)",
            ),
            "notes": w.Text(
                value="",
                description="Notes (optional)",
                placeholder="For example: after a long walk",
                layout=w.Layout(width="min(100%, 560px)"),
            ),
        }
        self.add_button = w.Button(
            description="Add entry",
            button_style="primary",
            tooltip="Add this spasm to the diary (not saved yet)",
        )
        self.save_button = w.Button(
            description="Save diary",
            button_style="success",
            tooltip=f"Save the diary to {self.path.name}",
            disabled=self.load_error is not None,
        )
        self.status = w.HTML()
        self.table = w.HTML()
        self.add_button.on_click(lambda _b: self.add())
        self.save_button.on_click(lambda _b: self.save())
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)
        self._show_table()
        if self.load_error:
            self.status.value = text.warning(
                f"Your diary file could not be read: {self.load_error}. "
                "It has not been changed. Ask your nurse to look at it. "
                "Saving is switched off so the file is kept as it is."
            )

    # -- the explorer contract: the draft entry is the "result" ----------------------------
    def compute(self, **values) -> diary.DiaryEntry:
        return diary.make_entry(today=self.today, **values)

    def render(self, result: diary.DiaryEntry) -> None:
        when = f"{result.date:%d %b %Y} at {result.time:%H:%M}"
        self.summary.value = text.paragraph(
            f"Ready to add: {esc(BODY_PARTS[result.body_part].lower())}, {when}, "
            f"{result.duration_min:g} minute{'' if result.duration_min == 1 else 's'}, "
            f"{result.severity_0_10} out of 10."
        )

    def friendly_error(self, exc: ValueError) -> str:
        name = getattr(exc, "name", "")
        if name == "date":
            return f"Please pick a date that is not after today ({self.today:%d %b %Y})."
        if name == "time":
            return "Please pick the time the spasm started."
        if name == "duration_min":
            return (
                f"How long must be from {DURATION_MIN_MIN:g} to {DURATION_MAX_MIN:g} minutes. "
                "A spasm that will not stop needs help now, not a diary entry."
            )
        return str(exc)

    # -- actions ---------------------------------------------------------------------------
    def add(self) -> bool:
        """Add the draft entry to the diary in memory. Returns False when the form has a problem."""
        self.update()
        if self.error is not None:
            self.status.value = text.warning("This entry was not added: please fix the form above.")
            return False
        self.diary.add(self.result)
        self._show_table()
        n = self.diary.unsaved
        self.status.value = (
            '<p role="status">Added. <strong>Not saved yet</strong>: '
            f"{n} new entr{'y' if n == 1 else 'ies'}. "
            f"Press Save diary to keep {'it' if n == 1 else 'them'}.</p>"
        )
        return True

    def save(self) -> bool:
        """Write the diary to its file (atomically). Returns False and explains when it cannot."""
        if self.load_error is not None:
            self.status.value = text.warning(
                "Saving is switched off because the diary file is damaged. Nothing was changed."
            )
            return False
        try:
            path = self.diary.save()
        except (diary.DiaryFileError, OSError) as exc:
            self.status.value = text.warning(f"The diary was not saved: {exc}")
            return False
        n = len(self.diary.entries)
        self.status.value = (
            f'<p role="status">Saved. Your diary has {n} entr{"y" if n == 1 else "ies"}. '
            f"It is kept in this file: <code>{esc(path.name)}</code>.</p>"
        )
        return True

    def _show_table(self) -> None:
        entries = sorted(self.diary.entries, key=lambda e: (e.date, e.time))
        if not entries:
            self.table.value = "<p>No entries yet.</p>"
            return
        head = "".join(
            f'<th scope="col">{h}</th>'
            for h in ("Date", "Time", "Where", "What set it off", "Minutes", "How bad", "Notes")
        )
        rows = "".join(
            "<tr>"
            f"<td>{e.date.isoformat()}</td><td>{e.time:%H:%M}</td>"
            f"<td>{esc(BODY_PARTS[e.body_part])}</td><td>{esc(TRIGGERS[e.trigger])}</td>"
            f"<td>{e.duration_min:g}</td><td>{e.severity_0_10}</td><td>{esc(e.notes)}</td>"
            "</tr>"
            for e in entries
        )
        self.table.value = (
            f'<table class="spasm-table"><caption>{esc(self.title)} '
            f"({len(entries)} entries, file <code>{esc(self.path.name)}</code>)</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )

    def layout_controls(self) -> list[w.Widget]:
        return [*self.controls.values(), w.HBox([self.add_button, self.save_button]), self.status]

    @property
    def widget(self) -> w.Box:
        if self._widget is None:
            box = super().widget
            box.children = (*box.children, self.table)
            self._widget = box
        return self._widget
