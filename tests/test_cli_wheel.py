"""The built wheel, installed into a fresh virtual environment outside the source tree, converts
an article: the package, its templates and the console script all ship.

The new environment has no system site-packages and no access to the source tree. To stay fast
it does not download the runtime dependencies (only pip's build isolation may fetch the build
backend): a ``.pth`` file points it at the folders where the test's own interpreter has them, as
newsconvert's installed metadata lists them (docutils, markdown-it-py, Jinja2, PyYAML…).
A ``.pth`` line adds only that folder, not the ``.pth`` files inside it, so the editable install
of newsconvert in the test's environment stays invisible; the test checks that the newsconvert
imported is the one from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "bridge.txt"


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done


def _dependency_folders() -> list[str]:
    """Where this interpreter has newsconvert's runtime dependencies (and theirs, beside them)."""
    folders: list[str] = []
    for line in metadata.requires("newsconvert") or []:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue  # an extra's dependency, or one for another platform (tzdata on Windows)
        folder = str(metadata.distribution(requirement.name).locate_file(""))
        if folder not in folders:
            folders.append(folder)
    assert folders, "newsconvert declares no runtime dependencies?"
    return folders


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (outside the source tree) with the wheel built from this checkout."""
    work = tmp_path_factory.mktemp("wheel")
    assert REPO not in work.parents
    wheels = work / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", REPO, "--no-deps", "-q", "-w", wheels, cwd=work)
    (wheel,) = wheels.glob("newsconvert-*.whl")
    # A plain build is pure Python: the mypyc hook compiles the parser only when asked
    # (HATCH_BUILD_HOOK_ENABLE_MYPYC=true; tests/test_parser_compiled.py builds that one).
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name

    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / "bin" / "python"
    _run(
        sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
        "--no-index", wheel, cwd=work,
    )  # fmt: skip
    purelib = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=work
    ).stdout.strip()
    Path(purelib, "newsconvert_test_dependencies.pth").write_text(
        "\n".join(_dependency_folders()) + "\n", encoding="utf-8"
    )
    return venv


def test_the_installed_package_is_the_wheel_not_the_source_tree(
    installed: Path, tmp_path: Path
) -> None:
    python = installed / "bin" / "python"
    probe = "import newsconvert, sys; print(newsconvert.__file__); print(sys.flags.no_site)"
    location = _run(python, "-c", probe, cwd=tmp_path).stdout.splitlines()[0]
    assert Path(location).is_relative_to(installed)
    assert not Path(location).is_relative_to(REPO)


@pytest.mark.parametrize("fmt", ["md", "html", "rst", "json"])
def test_the_installed_console_script_converts_an_article(
    installed: Path, tmp_path: Path, fmt: str
) -> None:
    article = tmp_path / "bridge.txt"
    shutil.copyfile(EXAMPLE, article)
    script = installed / "bin" / "newsconvert"
    done = _run(script, article.name, "-s", "-t", fmt, "-o", f"out/bridge.{fmt}", cwd=tmp_path)
    assert done.stdout == ""
    assert done.stderr == ""
    output = (tmp_path / "out" / f"bridge.{fmt}").read_text(encoding="utf-8")
    headline = "Varapur opens footbridge over the Kesari river after eight years of delays"
    if fmt == "json":
        assert json.loads(output)["headline"] == headline
    else:
        assert headline in output
    if fmt == "html":
        assert output.lstrip().lower().startswith("<!doctype html>")
        assert f"<h1>{headline}</h1>" in output
