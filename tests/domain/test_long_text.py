"""Art. 4: a text longer than its field keeps its beginning and its end (the request is most
often in the last lines), with a marker that says how much was left out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kina_desktop.domain.long_text import keep_beginning_and_end, omission_marker


def test_a_text_that_fits_is_kept_as_it_is() -> None:
    assert keep_beginning_and_end("Korte klacht.", 50) == ("Korte klacht.", 0)


def test_a_long_text_keeps_its_request_in_the_last_lines() -> None:
    text = "Geachte,\n\n" + "Wat er gebeurde, dag na dag.\n" * 3000 + "\nMijn vraag: een excuus en terugbetaling.\n"
    kept, omitted = keep_beginning_and_end(text, 50_000)
    assert len(kept) <= 50_000
    assert kept.startswith("Geachte,") and kept.rstrip().endswith("Mijn vraag: een excuus en terugbetaling.")
    assert omission_marker(omitted) in kept and omitted == len(text) - len(kept) + len(omission_marker(omitted)) + 4
    assert "tekens weggelaten" in kept and f"{omitted:,}".replace(",", ".") in kept


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=3000), st.integers(min_value=60, max_value=2000))
def test_the_kept_text_never_exceeds_the_field_and_keeps_both_ends(text: str, limit: int) -> None:
    kept, omitted = keep_beginning_and_end(text, limit)
    assert len(kept) <= limit
    if len(text) <= limit:
        assert (kept, omitted) == (text, 0)
    else:
        head, _marker, tail = kept.partition("\n\n" + omission_marker(omitted) + "\n\n")
        assert text.startswith(head) and text.endswith(tail)
        assert omitted == len(text) - len(head) - len(tail) > 0
