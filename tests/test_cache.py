"""build/.cache entries (thesiskit/cache.py): a damaged entry is a miss, never a result."""

from __future__ import annotations

from pathlib import Path

from thesiskit.cache import cache_key, read_entry, restore_folder, store_folder, write_entry


def test_entry_round_trip_and_key_separates_parts(tmp_path: Path) -> None:
    write_entry(tmp_path, "typstpage", "k1", {"typst": "= Innledning", "keys": ["a"]})
    assert read_entry(tmp_path, "typstpage", "k1") == {"typst": "= Innledning", "keys": ["a"]}
    assert read_entry(tmp_path, "typstpage", "k2") is None
    assert cache_key("ab", "c") != cache_key("a", "bc")
    assert not list(tmp_path.glob("*.tmp")), "a temporary file was left behind"


def test_truncated_or_corrupted_entry_is_a_miss_and_removed(tmp_path: Path) -> None:
    for n, damage in enumerate((lambda b: b[:-3], lambda b: b.replace(b"Innledning", b"Innledninj"))):
        write_entry(tmp_path, "cites", f"k{n}", "= Innledning")
        path = tmp_path / f"cites-k{n}.json"
        path.write_bytes(damage(path.read_bytes()))
        assert read_entry(tmp_path, "cites", f"k{n}") is None
        assert not path.exists()


def test_folder_with_a_changed_file_is_not_restored(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<p>Hei</p>", "utf-8")
    cache = tmp_path / "cache"
    store_folder(cache, "site", "k", site)
    assert restore_folder(cache, "site", "k", tmp_path / "out")
    assert (tmp_path / "out" / "a" / "index.html").read_text("utf-8") == "<p>Hei</p>"
    (cache / "site-k" / "a" / "index.html").write_text("<p>He", "utf-8")  # truncated
    assert not restore_folder(cache, "site", "k", tmp_path / "out2")
    assert not (tmp_path / "out2").exists()
