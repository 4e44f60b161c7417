"""What the public holidays cost: importing `holidays`, the first plan, later plans.

Each figure is measured in a fresh interpreter, so nothing is cached from an earlier
run. Run it with ``python benchmarks/holidays_cost.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

_IMPORT = (
    "import time; t=time.perf_counter(); import holidays; print(time.perf_counter()-t)"
)
_DECLINE = (
    "import time, sys; t=time.perf_counter(); import decline; "
    "print(time.perf_counter()-t, 'holidays' in sys.modules)"
)
_PLAN = """
import datetime as dt, time
from decline import Offer, Person, plan
offer = Offer(company="Nordlys A/S", position="Data Engineer",
              contact=Person("Mette Hansen"), candidate=Person("Jonas Berg"))
plan(offer, locale="da", today=dt.date(2026, 11, 23))  # letters, data, catalogs warm
t = time.perf_counter(); plan(offer, locale="de", today=dt.date(2026, 11, 23))
first = time.perf_counter() - t
t = time.perf_counter(); plan(offer, locale="de", today=dt.date(2026, 11, 24))
print(first, time.perf_counter() - t)
"""


def _run(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return out.stdout.split()


def main(repeat: int = 5) -> None:
    imports = [float(_run(_IMPORT)[0]) for _ in range(repeat)]
    light = [_run(_DECLINE) for _ in range(repeat)]
    plans = [[float(x) for x in _run(_PLAN)] for _ in range(repeat)]
    ms = 1000
    print(f"import holidays:               {statistics.median(imports) * ms:6.1f} ms")
    print(
        f"import decline:                {statistics.median(float(x[0]) for x in light) * ms:6.1f} ms"
        f" (holidays loaded: {light[0][1]})"
    )
    print(
        f"plan() in a new country:       {statistics.median(p[0] for p in plans) * ms:6.1f} ms"
    )
    print(
        f"plan() again, same country:    {statistics.median(p[1] for p in plans) * ms:6.1f} ms"
    )


if __name__ == "__main__":
    main()
