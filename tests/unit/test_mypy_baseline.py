"""mypy runs in the suite against a baseline that can only shrink.

tests/mypy_baseline.txt lists the type errors mypy reported when the baseline was
taken (``path: message [code]``, without line numbers so that moving code does not
count as a change). The test fails when

- mypy reports an error that is not in the baseline: fix it (new code is typed); or
- an error of the baseline is gone: well done — take it out of the baseline with
  ``.venv/bin/python -m tests.unit.test_mypy_baseline --update`` (which refuses to
  add anything), so it cannot come back unnoticed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "tests" / "mypy_baseline.txt"
_LINE = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*)$")


def current_errors() -> Counter[str]:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "deskapp", "--no-error-summary", "--no-pretty",
         "--show-error-codes", "--hide-error-context", "--no-color-output"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    if result.returncode not in (0, 1):  # 2: mypy itself failed (bad config, crash)
        raise RuntimeError(result.stdout + result.stderr)
    errors: Counter[str] = Counter()
    for line in result.stdout.splitlines():
        match = _LINE.match(line.strip())
        if match:
            errors[f"{match['path']}: {match['message']}"] += 1
    return errors


def baseline() -> Counter[str]:
    lines = BASELINE.read_text(encoding="utf-8").splitlines() if BASELINE.exists() else []
    return Counter(line for line in lines if line and not line.startswith("#"))


def _listing(errors: Counter[str]) -> str:
    return "\n".join(f"  {key}" + (f"  (x{n})" if n > 1 else "")
                     for key, n in sorted(errors.items()))


def test_mypy_reports_nothing_new_and_the_baseline_only_shrinks():
    pytest.importorskip("mypy")
    now, base = current_errors(), baseline()
    new, fixed = now - base, base - now
    assert not new, f"{sum(new.values())} new mypy error(s):\n{_listing(new)}"
    assert not fixed, (
        f"{sum(fixed.values())} baseline error(s) fixed; take them out with "
        f"`.venv/bin/python -m tests.unit.test_mypy_baseline --update`:\n{_listing(fixed)}")


def update(*, allow_growth: bool = False) -> int:
    now, base = current_errors(), baseline()
    if base and not allow_growth and now - base:
        print(f"refusing: {sum((now - base).values())} new error(s); fix them first:\n"
              f"{_listing(now - base)}")
        return 1
    keep = now if allow_growth else now & base
    header = ("# mypy errors accepted for now (tests/unit/test_mypy_baseline.py). This list\n"
              "# may only shrink: fix an error, then run\n"
              "#   .venv/bin/python -m tests.unit.test_mypy_baseline --update\n")
    BASELINE.write_text(header + "".join(f"{k}\n" for k in sorted(keep.elements())),
                        encoding="utf-8")
    print(f"{sum(keep.values())} error(s) in the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(update(allow_growth="--initial" in sys.argv))
