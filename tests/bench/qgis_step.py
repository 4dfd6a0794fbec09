#!/usr/bin/env python3
"""QGIS's Temporal Controller stepping a day, the peer of Frontline's step frame: qgis_step.py FRONTLINE DB OUT.json.

Exports DB as a GeoPackage with `frontline export gpkg`, opens it as QGIS desktop does (default style from
layer_styles: categories by holder, temporal mode 2), and renders 10 days spread over the span at 1600 x 1000
with QgsMapRendererParallelJob, each frame's day set as QGIS's Temporal Controller sets it."""
import json, os, statistics, subprocess, sys, tempfile, time

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless, as the benchmarks run
from qgis.core import QgsApplication, QgsVectorLayer, QgsDateTimeRange, QgsMapSettings, QgsMapRendererParallelJob
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QSize
from qgis.PyQt.QtGui import QColor

frontline, db, out = sys.argv[1:4]
work = tempfile.mkdtemp(prefix="frontline-qgis-bench-")
gpkg = os.path.join(work, "war.gpkg")
subprocess.run([frontline, "export", "gpkg", "-o", gpkg, "--db", db], check=True, capture_output=True)
days = [line.split(",")[0] for line in subprocess.run([frontline, "days", "--db", db], check=True, capture_output=True,
                                                       text=True).stdout.splitlines()[1:]]
picked = [days[i * (len(days) - 1) // 9] for i in range(10)]

app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(gpkg + "|layername=control", "control", "ogr")
message, loaded = layer.loadDefaultStyle()
if not layer.isValid() or not loaded:
    print("QGIS cannot open the export: " + message)
    sys.stdout.flush()
    os._exit(1)
times = []
for day in picked:
    d = QDate.fromString(day, "yyyy-MM-dd")
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setOutputSize(QSize(1600, 1000))
    settings.setBackgroundColor(QColor("white"))
    settings.setExtent(layer.extent())
    settings.setIsTemporal(True)
    settings.setTemporalRange(QgsDateTimeRange(QDateTime(d, QTime(0, 0)), QDateTime(d.addDays(1), QTime(0, 0)), True, False))
    start = time.perf_counter()
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    times.append((time.perf_counter() - start) * 1000)
with open(out, "w") as f:
    json.dump({"step_p50_ms": statistics.median(times), "days": picked, "step_ms": times}, f, indent=1)
print(f"QGIS Temporal Controller step, 1600x1000: p50 {statistics.median(times):.0f} ms over {len(times)} days")
sys.stdout.flush()
os._exit(0)  # PyQGIS may crash tearing itself down; the result is written
