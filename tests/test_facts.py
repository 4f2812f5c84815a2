"""The data layer: every file loads, and a broken file names its file, row and column."""

from __future__ import annotations

import pytest

from spasm_edu import facts
from tests.conftest import rewrite
from tests.helpers import oracle, oracle_text

ADULT = "caffeine_limits.csv:adult:max_mg_per_day"
COFFEE = "caffeine_drinks.csv:brewed_coffee:typical_mg"
# the adult half-life row's mean, low and high h as the CSV writes them (3.4,2,5), and a mean
# above its range
ADULT_HALF_LIFE = ",".join(
    oracle_text(f"caffeine_half_life.csv:adult:{c}") for c in ("half_life_h", "low_h", "high_h")
)
ABOVE_HIGH = oracle_text("caffeine_half_life.csv:adult:high_h") + "1"  # 5 -> 51
CUP = ",".join(  # the brewed-coffee row's typical, low and high mg, as the CSV writes them
    oracle_text(f"caffeine_drinks.csv:brewed_coffee:{c}")
    for c in ("typical_mg", "low_mg", "high_mg")
)


def test_every_data_file_loads_and_has_a_schema():
    tables = facts.load_all()
    assert set(tables) == {p.name for p in facts.DATA_DIR.glob("*.csv")}
    assert all(len(t) > 0 for t in tables.values())


def test_every_source_id_resolves():
    known = set(facts.table("sources.csv").by_id)
    for name, table in facts.load_all().items():
        assert table.source_ids() <= known, name


def test_causes_cover_the_source_article():
    ids = set(facts.table("causes.csv").by_id)
    assert ids >= {  # the seed article's causes stay; a new cause may join them
        "medication",
        "caffeine",
        "stress_fatigue",
        "overuse",
        "electrolytes",
        "dehydration",
        "body_mechanics",
        "pregnancy",
        "spine",
        "neuro",
    }


def test_causes_notebooks_are_in_the_contents():
    listed = set(facts.table("notebooks.csv").by_id)
    for cause in facts.table("causes.csv"):
        assert cause.notebook in listed, cause.cause_id


def test_lookup_of_unknown_id_lists_the_valid_ones():
    with pytest.raises(KeyError, match="valid ids: brewed_coffee"):
        facts.table("caffeine_drinks.csv")["tea_with_milk"]


@pytest.mark.parametrize(
    ("file", "old", "new", "row", "column", "words"),
    [
        (
            "caffeine_drinks.csv",
            f"brewed_coffee,Brewed coffee,1 cup (8 oz / 237 mL),{oracle_text(COFFEE)},",
            "brewed_coffee,Brewed coffee,1 cup (8 oz / 237 mL),lots,",
            2,
            "typical_mg",
            "valid number",
        ),
        (
            "caffeine_drinks.csv",
            ",63,63,64,no,",
            ",-63,63,64,no,",
            3,
            "typical_mg",
            "greater than or equal to 0",
        ),
        (
            "caffeine_limits.csv",
            f"adult,adult,Healthy adults,19,120,{oracle_text(ADULT)},",
            "adult,adult,Healthy adults,19,120,,",
            2,
            None,
            "exactly one of",
        ),
        (
            "caffeine_half_life.csv",
            f"adult,Healthy adult,{ADULT_HALF_LIFE},",
            f"adult,Healthy adult,{ABOVE_HIGH},{ADULT_HALF_LIFE.split(',', 1)[1]},",
            2,
            None,
            "between low_h",
        ),
        (
            "caffeine_half_life.csv",
            "smoker,Smoker,,,,adult,3.5,6.0,",
            "smoker,Smoker,2.0,,,adult,3.5,6.0,",
            5,
            None,
            "a relative row gives",
        ),
        (
            "caffeine_drinks.csv",
            "espresso,Espresso",
            "brewed_coffee,Espresso",
            3,
            "drink_id",
            "used twice",
        ),
        (
            "caffeine_drinks.csv",
            f"{CUP},yes,mayo_caffeine_content,",
            f"{CUP},yes,mayo_caffein_content,",
            2,
            "source_id",
            "not in data/sources.csv",
        ),
        (
            "caffeine_drinks.csv",
            "typical_mg,low_mg",
            "typical,low_mg",
            1,
            None,
            "missing column(s) typical_mg",
        ),
        (
            "caffeine_drinks.csv",
            f"{CUP},yes,",
            f"{CUP},yes,extra,",
            2,
            None,
            "different number",
        ),
        (
            "sources.csv",
            "https://www.fda.gov/consumers",
            "www.fda.gov/consumers",
            3,
            "url_or_doi",
            "should match pattern",
        ),
        (
            "caffeine_limits.csv",
            ",daily_limit,fda_caffeine",
            ",per_day,fda_caffeine",
            2,
            "kind",
            "daily_limit",
        ),
    ],
)
def test_a_broken_file_names_file_row_and_column(data_copy, file, old, new, row, column, words):
    rewrite(data_copy / file, old, new)
    with pytest.raises(facts.FactsError) as info:
        facts.table(file, data_copy)
    err = info.value
    assert err.file == file and err.row == row and err.column == column
    assert f"data/{file}, row {row}" in str(err)
    assert words in str(err)


def test_a_missing_file_is_named(data_copy):
    (data_copy / "caffeine_drinks.csv").unlink()
    with pytest.raises(facts.FactsError, match="caffeine_drinks.csv: file not found"):
        facts.table("caffeine_drinks.csv", data_copy)


def test_a_non_utf8_file_is_named(data_copy):
    (data_copy / "caffeine_drinks.csv").write_bytes(b"drink_id,label\n\xff\xfe,bad\n")
    with pytest.raises(facts.FactsError, match="not UTF-8") as info:
        facts.table("caffeine_drinks.csv", data_copy)
    assert (info.value.row, info.value.column) == (2, "drink_id")


def test_a_latin1_cell_is_named_by_row_and_column(data_copy):
    path = data_copy / "causes.csv"
    lines = path.read_bytes().split(b"\n")
    assert b"Caffeine," in lines[2]
    lines[2] = lines[2].replace(b"Caffeine,", b"Caf\xe9ine,", 1)  # 'é' saved as Latin-1
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(facts.FactsError) as info:
        facts.table("causes.csv", data_copy)
    err = info.value
    assert (err.row, err.column) == (3, "name")
    assert "data/causes.csv, row 3, column 'name'" in str(err)
    assert "not UTF-8" in str(err) and "byte e9" in str(err)


def test_a_byte_order_mark_is_named_as_such(data_copy):
    path = data_copy / "causes.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as some spreadsheets save it
    with pytest.raises(facts.FactsError) as info:
        facts.table("causes.csv", data_copy)
    assert (info.value.row, info.value.column) == (1, "cause_id")
    assert "byte order mark (BOM)" in str(info.value)
    assert "\ufeff" not in str(info.value)


def test_a_csv_without_schema_is_reported(data_copy):
    (data_copy / "mystery.csv").write_text("a,b\n1,2\n")
    with pytest.raises(facts.FactsError, match="mystery.csv: has no schema"):
        facts.load_all(data_copy)


def test_frame_gives_a_dataframe_with_every_column():
    frame = facts.table("caffeine_drinks.csv").frame()
    assert list(frame.columns)[:2] == ["source_id", "drink_id"] or "drink_id" in frame.columns
    assert frame.loc[frame.drink_id == "brewed_coffee", "typical_mg"].item() == oracle(COFFEE)


def test_pick_names_the_argument_and_lists_valid_ids():
    from spasm_edu.validation import InputError

    drinks = facts.table("caffeine_drinks.csv")
    assert drinks.pick("drink_id", "espresso").typical_mg == 63
    with pytest.raises(InputError) as info:
        drinks.pick("drink_id", "latte")
    assert info.value.name == "drink_id" and "brewed_coffee" in str(info.value)
    with pytest.raises(InputError):
        drinks.pick("drink_id", None)
