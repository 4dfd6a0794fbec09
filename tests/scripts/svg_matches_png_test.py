#!/usr/bin/env python3
# `render -o x.svg` of a war large enough for the batched layer draws every district: the SVG, rasterised by a
# real SVG renderer (librsvg's rsvg-convert), matches the PNG render of the same day outside the title and legend.
import os, shutil, subprocess, sys, tempfile

try:
    from qgis.PyQt.QtGui import QImage, QColor
except ImportError:
    print("PyQt (python3-qgis) is not installed in the environment: skipped")
    sys.exit(77)
if not shutil.which("rsvg-convert"):
    print("rsvg-convert (librsvg2-bin) is not installed in the environment: skipped")
    sys.exit(77)

frontline = sys.argv[1]
work = tempfile.mkdtemp(prefix="frontline-svg-")
db = os.path.join(work, "war.frontline")


def run(*args):
    return subprocess.run([frontline, *args], check=True, capture_output=True, text=True).stdout


run("generate", "--districts", "4000", "--days", "60", "--changes", "30000", "--seed", "7", "-o", db)
day = run("days", "--db", db).splitlines()[20].split(",")[0]
for out in ("map.svg", "map.png"):
    run("render", "--db", db, "--date", day, "--size", "1200x800", "-o", os.path.join(work, out))
paths = open(os.path.join(work, "map.svg")).read().count("<path")
if paths < 4000:
    print(f"the SVG has {paths} paths for 4000 districts")
    sys.exit(1)
subprocess.run(["rsvg-convert", "-w", "1200", "-h", "800", os.path.join(work, "map.svg"), "-o", os.path.join(work, "svg.png")],
               check=True)
png, svg = QImage(os.path.join(work, "map.png")), QImage(os.path.join(work, "svg.png"))
differ = total = 0
for y in range(0, 800, 2):
    for x in range(0, 1200, 2):
        if (x < 520 and y < 90) or (x > 1200 - 340 and y > 800 - 230):  # the title and the legend are laid out apart
            continue
        p, q = QColor(png.pixel(x, y)), QColor(svg.pixel(x, y))
        total += 1
        differ += max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())) > 48
share = differ / total
print(f"{paths} paths; {100 * share:.1f}% of the map's pixels differ from the PNG (outline antialiasing, stripe phase)")
sys.exit(0 if share < 0.15 else 1)
