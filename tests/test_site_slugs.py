"""Slugs: ASCII, length-limited, never reserved, unique within a build, stable."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsconvert.site.slugs import (
    MAX_SEGMENT,
    WINDOWS_RESERVED,
    assign_slugs,
    path_slug,
    slugify,
)

SEGMENT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_accents_fold_to_ascii_letters() -> None:
    assert slugify("Café Déjà-vu: 2019 Review!") == "cafe-deja-vu-2019-review"


def test_every_script_is_transliterated() -> None:
    # Before anyascii, every one of these became "article" (and then article-<hash>).
    assert slugify("москва") == "moskva"
    assert slugify("αθήνα") == "athina"
    assert slugify("北京新闻") == "beijingxinwen"
    assert slugify("मुंबई") != "article"
    assert path_slug("москва.txt") != path_slug("αθήνα.txt")


def test_a_combining_mark_never_splits_a_word_and_both_spellings_agree() -> None:
    # The nukta (U+093C, U+09BC) is a mark on its letter; anyascii writes it as "'", which cut
    # the word in two ("bdh-ega"). ढ़ and ড় have a precomposed and a decomposed spelling.
    assert slugify("भारत आगे बढ़ेगा") == "bhart-age-bdhega"
    assert (
        slugify("\u095d\u093e\u0915\u093e") == slugify("\u0922\u093c\u093e\u0915\u093e") == "dhaka"
    )
    assert slugify("\u09dc") == slugify("\u09a1\u09bc")
    assert slugify("Café Déjà-vu") == "cafe-deja-vu" and slugify("Moody's") == "moody-s"


def test_text_without_letters_still_gets_a_name() -> None:
    assert slugify("---") == "article"
    assert slugify("…") == "article"


def test_windows_reserved_names_are_avoided_in_every_segment() -> None:
    assert path_slug("CON/nul.txt") == "con-article/nul-article"
    assert path_slug("com1.news") == "com1-article"


def test_own_output_names_are_never_taken_by_an_article() -> None:
    assert path_slug("index.txt") == "index-article"
    assert path_slug("world/feed.txt") == "world/feed-article"


def test_long_names_are_cut_at_a_word_boundary() -> None:
    slug = slugify("word " * 40)
    assert len(slug) <= MAX_SEGMENT
    assert slug.endswith("word")


def test_collisions_get_a_suffix_from_their_own_path() -> None:
    slugs = assign_slugs(["Story.txt", "story.news", "story.txt"])
    assert len(set(slugs.values())) == 3
    # The first in sorted order keeps the plain slug; the others' suffixes depend on their
    # own paths only, so adding an unrelated file changes nothing.
    more = assign_slugs(["Story.txt", "story.news", "story.txt", "other.txt"])
    assert all(more[path] == slug for path, slug in slugs.items())


paths = st.lists(
    st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="/\x00"),
            min_size=1,
            max_size=80,
        ),
        min_size=1,
        max_size=3,
    ).map(lambda parts: "/".join(parts) + ".txt"),
    min_size=1,
    max_size=12,
    unique=True,
)


@given(paths)
def test_slugs_are_unique_safe_and_bounded(relative_paths: list[str]) -> None:
    slugs = assign_slugs(relative_paths)
    assert len({slug.casefold() for slug in slugs.values()}) == len(relative_paths)
    for slug in slugs.values():
        for segment in slug.split("/"):
            assert SEGMENT.match(segment), slug
            assert segment not in WINDOWS_RESERVED
            assert len(segment) <= MAX_SEGMENT + 9  # room for a collision suffix


@given(paths)
def test_slugs_do_not_depend_on_listing_order(relative_paths: list[str]) -> None:
    assert assign_slugs(relative_paths) == assign_slugs(list(reversed(relative_paths)))
