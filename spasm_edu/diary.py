"""Spasm diary: a SYNTHETIC teaching data set, and a patient's own diary kept safely on disk.

Two jobs, one file format (the columns in :mod:`spasm_edu.schema.diary`):

1. **The synthetic diary** for the pandas exercise in ``notebooks/spasm_diary.ipynb``::

       python -m spasm_edu.diary generate --seed 2026 --out data/spasm_diary_synthetic.csv

   :func:`generate` invents four weeks of spasms for a made-up adult from a short, written-down
   scenario (:data:`SCENARIO`) and a seeded random generator (Python's ``random.Random``, whose
   sequence for a given seed is stable across platforms). Nothing in it comes from a real
   person, and it is labelled SYNTHETIC wherever it is shown. The scenario is built so a student
   can find, with pandas: one body part with spasms most weeks (night-time calf cramps), one
   short cluster in a single stressful week (eyelid twitching), a few back spasms after lifting,
   and one calf cramp longer than 10 minutes (a "get help today" sign: ``lasts_over_10_min`` in
   data/red_flags.csv).
   A test checks the committed CSV equals a fresh generation from the seed.

2. **A patient's own diary** (:class:`Diary`). Entries are validated (:func:`make_entry`: real
   dates not in the future, clock times, known body parts and triggers, durations from
   0.1 to 240 minutes, a 0-10 rating). Nothing is written until :meth:`Diary.save` is called.
   Saving is atomic: the whole file is written to a temporary file in the same folder, flushed
   and ``fsync``-ed, then moved over the old file with ``os.replace`` (an atomic rename on
   POSIX and Windows), so a crash leaves either the old file or the new one, never half of one.
   A damaged file (cut short, not UTF-8, wrong columns, a bad value) raises
   :class:`DiaryFileError` naming the line, and is never overwritten.

"Occurring regularly" (the seed article's see-a-doctor advice) has no number in any source.
:data:`TEACHING_RULE` is a rule we chose for the exercise; it is NOT a clinical threshold.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import hashlib
import io
import os
import random
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spasm_edu import validation as check
from spasm_edu.schema.diary import (
    BODY_PARTS,
    COLUMNS,
    DURATION_MAX_MIN,
    DURATION_MIN_MIN,
    NOTES_MAX_CHARS,
    TRIGGERS,
)

SYNTHETIC_FILE = "spasm_diary_synthetic.csv"
SYNTHETIC_SEED = 2026
SYNTHETIC_LABEL = (
    "SYNTHETIC DATA: made up by spasm_edu.diary (seed 2026) for teaching. Not a real patient."
)
DEFAULT_DIARY = "my_spasm_diary.csv"
EARLIEST_DATE = dt.date(2000, 1, 1)


class DiaryFileError(ValueError):
    """A diary file is damaged or unusable; ``line`` counts like a text editor (header = 1)."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None):
        self.path, self.problem, self.line = Path(path), problem, line
        where = f"{self.path.name}, line {line}" if line is not None else self.path.name
        super().__init__(f"{where}: {problem}")


# -- entries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiaryEntry:
    """One spasm. ``duration_min`` minutes (0.1-240); ``severity_0_10`` the person's own rating."""

    date: dt.date
    time: dt.time
    body_part: str
    trigger: str
    duration_min: float
    severity_0_10: int
    notes: str = ""

    def row(self, entry_id: str) -> dict[str, str]:
        """The entry as CSV text fields."""
        return {
            "entry_id": entry_id,
            "date": self.date.isoformat(),
            "time": self.time.strftime("%H:%M"),
            "body_part": self.body_part,
            "trigger": self.trigger,
            "duration_min": f"{self.duration_min:g}",
            "severity_0_10": str(self.severity_0_10),
            "notes": self.notes,
        }


def _date(value: object, today: dt.date | None) -> dt.date:
    allowed = "a real date like 2026-03-01" + (f", not after {today.isoformat()}" if today else "")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise check.InputError("date", value, allowed) from None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise check.InputError("date", value, allowed)
    if value < EARLIEST_DATE or (today is not None and value > today):
        raise check.InputError("date", value.isoformat(), allowed)
    return value


def _time(value: object) -> dt.time:
    allowed = "a clock time from 00:00 to 23:59"
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) != 5 or text[2] != ":":
                raise ValueError
            value = dt.time(int(text[:2]), int(text[3:]))
        except ValueError:
            raise check.InputError("time", value, allowed) from None
    if not isinstance(value, dt.time):
        raise check.InputError("time", value, allowed)
    return value.replace(second=0, microsecond=0, tzinfo=None)


def _as_number(name: str, value: object) -> object:
    """Numbers typed as text (from a CSV file) become numbers; anything else is checked later."""
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return value
    return value


def make_entry(
    date: object,
    time: object,
    body_part: object,
    trigger: object,
    duration_min: object,
    severity_0_10: object,
    notes: object = "",
    today: dt.date | None = None,
) -> DiaryEntry:
    """Validate one diary entry; bad input raises InputError naming the field and what it accepts.

    ``date``: a ``datetime.date`` or ``"YYYY-MM-DD"`` from 2000 on, and not after ``today`` when
    given. ``time``: a ``datetime.time`` or ``"HH:MM"``. ``body_part`` and ``trigger``: ids from
    :data:`BODY_PARTS` and :data:`TRIGGERS`. ``duration_min``: 0.1-240 minutes.
    ``severity_0_10``: whole number 0-10. ``notes``: one line, at most 200 characters.
    """
    the_date = _date(date, today)
    the_time = _time(time)
    part = check.choice("body_part", body_part, BODY_PARTS)
    cause = check.choice("trigger", trigger, TRIGGERS)
    minutes = check.number(
        "duration_min",
        _as_number("duration_min", duration_min),
        DURATION_MIN_MIN,
        DURATION_MAX_MIN,
        "minutes",
    )
    severity = check.whole_number("severity_0_10", _as_number("severity", severity_0_10), 0, 10)
    if notes is None:
        notes = ""
    if not isinstance(notes, str):
        raise check.InputError("notes", notes, "text")
    notes = notes.strip()
    if len(notes) > NOTES_MAX_CHARS or any(ord(c) < 32 for c in notes):
        raise check.InputError(
            "notes", notes[:40], f"one line of text, at most {NOTES_MAX_CHARS} characters"
        )
    return DiaryEntry(the_date, the_time, part, cause, round(minutes, 2), severity, notes)


# -- the file format -------------------------------------------------------------------------


def to_csv_text(entries: Iterable[DiaryEntry]) -> str:
    """The diary as CSV text: header, then one line per entry (ids e001, e002, ...) sorted by
    date and time. Lines end with ``\\n``, always including the last one."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    ordered = sorted(entries, key=lambda e: (e.date, e.time))
    for n, entry in enumerate(ordered, start=1):
        writer.writerow(entry.row(f"e{n:03d}"))
    return out.getvalue()


def parse_csv_bytes(data: bytes, path: Path | str = DEFAULT_DIARY) -> list[DiaryEntry]:
    """Read diary CSV bytes, or raise :class:`DiaryFileError` naming the damaged line."""
    if not data.strip():
        raise DiaryFileError(path, "the file is empty (it may have been cut off while saving)", 1)
    for n, raw_line in enumerate(data.split(b"\n"), start=1):
        try:
            raw_line.decode("utf-8")
        except UnicodeDecodeError:
            raise DiaryFileError(path, "has garbled characters (not UTF-8 text)", n) from None
    text = data.decode("utf-8")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DiaryFileError(path, "has garbled characters (a zero byte)", line)
    if not text.endswith("\n"):
        raise DiaryFileError(
            path,
            "the last line is cut short (no line ending): the file may have been truncated",
            text.count("\n") + 1,
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise DiaryFileError(path, f"is not valid CSV ({exc})", 1) from None
    if tuple(h.strip() for h in header) != COLUMNS:
        raise DiaryFileError(
            path, f"the header should be {','.join(COLUMNS)} (found {','.join(header)})", 1
        )
    entries: list[DiaryEntry] = []
    seen: dict[str, int] = {}
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise DiaryFileError(path, f"is not valid CSV ({exc})", reader.line_num) from None
        line = reader.line_num
        if not fields:
            raise DiaryFileError(path, "is an empty line in the middle of the diary", line)
        if len(fields) != len(COLUMNS):
            raise DiaryFileError(
                path,
                f"has {len(fields)} values but the diary has {len(COLUMNS)} columns "
                "(cut short, or a stray comma?)",
                line,
            )
        row = dict(zip(COLUMNS, fields, strict=True))
        entry_id = row.pop("entry_id").strip()
        if not entry_id:
            raise DiaryFileError(path, "has no entry_id", line)
        if entry_id in seen:
            raise DiaryFileError(
                path, f"entry_id {entry_id!r} is used twice (also on line {seen[entry_id]})", line
            )
        seen[entry_id] = line
        try:
            entries.append(make_entry(**row))
        except check.InputError as exc:
            raise DiaryFileError(path, f"column '{exc.name}': {exc}", line) from None
    return entries


def read_diary(path: Path | str) -> list[DiaryEntry]:
    """Load a diary file, or raise :class:`DiaryFileError` (missing, unreadable or damaged)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DiaryFileError(path, "file not found") from None
    except OSError as exc:
        raise DiaryFileError(path, f"cannot be read ({exc.strerror})") from None
    return parse_csv_bytes(data, path)


def atomic_write_text(path: Path | str, text: str, mode: int = 0o600) -> None:
    """Replace ``path`` with ``text`` so a crash leaves the old file or the new one, never half.

    Write a temporary file in the same folder, flush and fsync it, ``os.replace`` it over the
    target (atomic on one file system), then fsync the folder so the rename itself is on disk.
    A new file gets ``mode`` (private by default); an existing file keeps its permissions.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        except FileNotFoundError:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename durable too
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _fingerprint(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


class Diary:
    """A patient's own diary: entries in memory, written to ``path`` only by :meth:`save`.

    Open it with :meth:`open`, which reads an existing file (or starts empty when there is none)
    and raises :class:`DiaryFileError` for a damaged one. :meth:`save` writes only over the very
    file that was opened: when the file on disk is damaged, was changed since, or was never
    opened (``Diary(path)`` on an existing file), it refuses and leaves the file as it is.
    """

    def __init__(
        self, path: Path | str, entries: Sequence[DiaryEntry] = (), opened_as: str | None = None
    ):
        self.path = Path(path)
        self.entries: list[DiaryEntry] = list(entries)
        self.unsaved = 0
        self._opened_as = opened_as  # sha256 of the file as read by open(); None: no file

    @classmethod
    def open(cls, path: Path | str = DEFAULT_DIARY) -> Diary:
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return cls(path)
        except OSError as exc:
            raise DiaryFileError(path, f"cannot be read ({exc.strerror})") from None
        return cls(path, parse_csv_bytes(data, path), hashlib.sha256(data).hexdigest())

    def add(self, entry: DiaryEntry) -> None:
        """Keep an entry in memory; it is written on the next :meth:`save`."""
        if not isinstance(entry, DiaryEntry):
            raise TypeError("add() takes a DiaryEntry made by make_entry()")
        self.entries.append(entry)
        self.unsaved += 1

    def save(self) -> Path:
        """Write every entry atomically; refuses when the file changed or was damaged since open."""
        on_disk = _fingerprint(self.path)
        if on_disk is not None and on_disk != self._opened_as:
            try:
                read_diary(self.path)
            except DiaryFileError as exc:
                raise DiaryFileError(
                    self.path,
                    f"not saved: the file on disk is damaged ({exc}); it was left as it is",
                ) from None
            raise DiaryFileError(
                self.path,
                "not saved: the file on disk is not the one this diary opened (it was changed "
                "since, or never opened); it was left as it is",
            )
        text = to_csv_text(self.entries)
        atomic_write_text(self.path, text)
        self._opened_as = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.unsaved = 0
        return self.path

    def frame(self):
        """The entries as a pandas DataFrame (same columns as the synthetic diary)."""
        import pandas as pd

        rows = [e.row(f"e{n:03d}") for n, e in enumerate(self.entries, start=1)]
        return _typed(pd.DataFrame(rows, columns=list(COLUMNS)))


# -- the synthetic diary ---------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """One kind of spasm in the made-up person's four weeks.

    ``days_per_week``: on how many days of each week it happens (one number per week).
    ``hours``: clock hours it can start in (``22, 23, 0, 1`` for night). ``triggers``: trigger id
    -> relative weight. ``minutes`` and ``severity``: uniform ranges. ``notes``: trigger id ->
    notes the person might write (one is picked; "" for none). ``long_chance``: chance an entry
    lasts ``long_minutes`` instead (to give students a red flag to find).
    """

    body_part: str
    days_per_week: tuple[int, ...]
    hours: tuple[int, ...]
    triggers: dict[str, float]
    minutes: tuple[float, float]
    severity: tuple[int, int]
    notes: dict[str, tuple[str, ...]]
    long_chance: float = 0.0
    long_minutes: tuple[float, float] = (11.0, 14.0)


SCENARIO: tuple[Pattern, ...] = (
    Pattern(
        "calf",
        (3, 2, 3, 4),
        (22, 23, 0, 1, 2, 3),
        {"overuse": 5, "dehydration": 3, "none_noticed": 2},
        (1.0, 6.0),
        (5, 8),
        {
            "overuse": ("After a long shift", "Woke me up", ""),
            "dehydration": ("Hot day, drank little", "Woke me up", ""),
            "none_noticed": ("Eased after stretching", ""),
        },
        long_chance=0.12,
    ),
    Pattern(
        "eyelid",
        (1, 0, 4, 1),
        (13, 14, 15, 16, 17),
        {"caffeine": 1, "stress_fatigue": 1},
        (0.5, 3.0),
        (1, 2),
        {"caffeine": ("Third coffee today", ""), "stress_fatigue": ("Busy week", "Slept badly")},
    ),
    Pattern(
        "lower_back",
        (0, 1, 1, 0),
        (8, 9, 10, 11, 14, 15, 16),
        {"body_mechanics": 1},
        (5.0, 9.0),
        (5, 7),
        {"body_mechanics": ("After lifting boxes", "Bent and twisted to pick something up")},
    ),
    Pattern(
        "hand",
        (1, 1, 0, 1),
        (10, 11, 12, 15),
        {"caffeine": 2, "none_noticed": 1},
        (0.5, 2.0),
        (1, 1),
        {"caffeine": ("Small twitch", ""), "none_noticed": ("",)},
    ),
)
"""The written-down story behind the synthetic diary (edit here, then regenerate)."""

START = dt.date(2026, 3, 2)  # a Monday


def generate(seed: int = SYNTHETIC_SEED, start: dt.date = START) -> list[DiaryEntry]:
    """Four weeks of SYNTHETIC diary entries from :data:`SCENARIO`; same seed, same entries."""
    rng = random.Random(seed)
    entries = []
    for pattern in SCENARIO:
        for week, days in enumerate(pattern.days_per_week):
            for day in sorted(rng.sample(range(7), days)):
                hour = rng.choice(pattern.hours)
                date = start + dt.timedelta(days=7 * week + day)
                minutes = rng.uniform(*pattern.minutes)
                if rng.random() < pattern.long_chance:
                    minutes = rng.uniform(*pattern.long_minutes)
                trigger = rng.choices(list(pattern.triggers), list(pattern.triggers.values()))[0]
                entries.append(
                    make_entry(
                        date=date,
                        time=dt.time(hour, rng.randrange(0, 60, 5)),
                        body_part=pattern.body_part,
                        trigger=trigger,
                        duration_min=round(minutes * 2) / 2 or 0.5,
                        severity_0_10=rng.randint(*pattern.severity),
                        notes=rng.choice(pattern.notes[trigger]),
                    )
                )
    return sorted(entries, key=lambda e: (e.date, e.time))


def synthetic_path() -> Path:
    from spasm_edu import facts

    return facts.DATA_DIR / SYNTHETIC_FILE


def _typed(df):
    import pandas as pd

    df = df.copy()
    df["date"] = pd.to_datetime(df["date"])
    df["duration_min"] = df["duration_min"].astype(float)
    df["severity_0_10"] = df["severity_0_10"].astype(int)
    df["notes"] = df["notes"].fillna("")
    return df


def load_synthetic():
    """The SYNTHETIC diary as a DataFrame (``date`` as datetime), marked in ``df.attrs``."""
    import pandas as pd

    df = _typed(pd.read_csv(synthetic_path(), dtype={"time": str, "notes": str}))
    df.attrs["synthetic"] = True
    df.attrs["label"] = SYNTHETIC_LABEL
    return df


# -- analysis helpers (the answers the tests check the notebook against) ----------------------

TIME_OF_DAY = (("night", 22, 6), ("morning", 6, 12), ("afternoon", 12, 18), ("evening", 18, 22))
"""Time-of-day bands (start hour inclusive, end hour exclusive); night wraps past midnight."""


def time_of_day(clock: str | dt.time) -> str:
    """``"23:40"`` -> ``"night"``; bands from :data:`TIME_OF_DAY`."""
    hour = _time(clock).hour
    for name, lo, hi in TIME_OF_DAY:
        if (lo <= hour < hi) if lo < hi else (hour >= lo or hour < hi):
            return name
    raise AssertionError(hour)  # pragma: no cover - the bands cover every hour


@dataclass(frozen=True)
class RegularRule:
    """A TEACHING rule for "occurring regularly", chosen for this exercise. NOT a clinical
    threshold: no source in data/ gives a number. A body part counts as "regular" when it has
    spasms on at least ``min_days_per_week`` different days in at least ``min_weeks`` weeks."""

    min_days_per_week: int = 2
    min_weeks: int = 3

    def describe(self) -> str:
        return (
            f"Teaching rule (not a clinical threshold): spasms in the same body part on at least "
            f"{self.min_days_per_week} days a week, in at least {self.min_weeks} weeks."
        )


TEACHING_RULE = RegularRule()


def spasm_days_per_week(df):
    """Body part x week (1, 2, ...) table of how many different days had a spasm."""
    weeks = (df["date"] - df["date"].min()).dt.days // 7 + 1
    return (
        df.assign(week=weeks).groupby(["body_part", "week"])["date"].nunique().unstack(fill_value=0)
    )


def regular_body_parts(df, rule: RegularRule = TEACHING_RULE) -> list[str]:
    """Body parts that meet the teaching rule, sorted."""
    per_week = spasm_days_per_week(df)
    weeks_meeting = (per_week >= rule.min_days_per_week).sum(axis=1)
    return sorted(per_week.index[weeks_meeting >= rule.min_weeks])


# -- command line ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.diary",
        description="Make the SYNTHETIC spasm diary, or check a diary file.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    gen_p = sub.add_parser("generate", help="write the synthetic diary CSV")
    gen_p.add_argument("--seed", type=int, default=SYNTHETIC_SEED)
    gen_p.add_argument("--out", default=None, help="output file (default: stdout)")
    chk_p = sub.add_parser("check", help="validate a diary file and report the damaged line")
    chk_p.add_argument("path")
    args = parser.parse_args(argv)
    if args.command == "generate":
        text = to_csv_text(generate(args.seed))
        if args.out:
            atomic_write_text(args.out, text, mode=0o644)
            print(f"Wrote {args.out} ({text.count(chr(10)) - 1} SYNTHETIC entries)")
        else:
            sys.stdout.write(text)
        return 0
    try:
        entries = read_diary(args.path)
    except DiaryFileError as exc:
        print(f"Damaged: {exc}", file=sys.stderr)
        return 1
    print(f"{args.path}: {len(entries)} entries, all valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
