"""``import newsconvert``, the single-file CLI and a local build import none of the optional
extras (Dask, fsspec, s3fs, pyarrow), and say what to install when a URL needs one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXTRAS = ("dask", "distributed", "fsspec", "s3fs", "pyarrow", "duckdb", "moto")

PROBE = """
import sys
{body}
loaded = sorted({{name.split('.')[0] for name in sys.modules}} & set({extras!r}))
print(','.join(loaded))
"""


def loaded_extras(body: str) -> str:
    code = PROBE.format(body=body, extras=EXTRAS)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def test_import_and_api_load_no_extra(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A headline\n\nA paragraph of the body.\n", "utf-8")
    body = (
        "import newsconvert\n"
        f"newsconvert.render(newsconvert.read_article({str(article)!r}), 'html')\n"
        "newsconvert.convert('A headline\\n\\nA paragraph.\\n', 'rst')"
    )
    assert loaded_extras(body) == ""


def test_single_file_cli_and_local_build_load_no_extra(tmp_path: Path) -> None:
    article = tmp_path / "src" / "a.txt"
    article.parent.mkdir()
    article.write_text("A headline\n\nA paragraph of the body.\n", "utf-8")
    page, site = str(tmp_path / "a.html"), str(tmp_path / "site")
    body = (
        "from newsconvert.cli import main\n"
        f"sys.argv = ['newsconvert', {str(article)!r}, '-t', 'html', '-o', {page!r}]\n"
        "assert main() == 0\n"
        "from newsconvert.site.cli import run\n"
        f"assert run([{str(article.parent)!r}, '-o', {site!r}, '-q', '-j', '1']) == 0\n"
    )
    assert loaded_extras(body) == ""
    assert (tmp_path / "a.html").is_file() and (tmp_path / "site" / "a.html").is_file()


def test_a_url_without_fsspec_says_what_to_install(tmp_path: Path) -> None:
    # Hide fsspec as a machine without the extra would (a None entry makes its import fail).
    code = (
        "import sys\nsys.modules['fsspec'] = None\nsys.modules['fsspec.core'] = None\n"
        "from newsconvert.cli import main\n"
        "sys.argv = ['newsconvert', 's3://bucket/a.txt']\n"
        "raise SystemExit(main())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "s3://bucket/a.txt: reading or writing URLs needs fsspec: pip install 'newsconvert[dask]'"
    ]
