#!/usr/bin/env python3
"""Prints the median of every criterion benchmark under target/criterion (the
`median` point estimate of estimates.json, in the unit that reads best)."""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
for estimates in sorted(root.glob("**/new/estimates.json")):
    name = str(estimates.parent.parent.relative_to(root))
    ns = json.loads(estimates.read_text())["median"]["point_estimate"]
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3), ("ns", 1)):
        if ns >= scale:
            break
    print(f"{name:55} {ns / scale:10.3f} {unit}")
