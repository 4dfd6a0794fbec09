#!/usr/bin/env python3
# The GeoPackage export as a QGIS user opens it: QGIS (headless PyQGIS) loads the layer with its default style,
# and for several days its own Temporal Controller filter selects exactly one feature per district, whose
# holder is the one `frontline state` gives; the style's categories are the dataset's factions; a rendered
# frame shows each checked district in its holder's colour.
import csv, io, os, subprocess, sys, tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import (Qgis, QgsApplication, QgsVectorLayer, QgsDateTimeRange, QgsVectorLayerTemporalContext,
                           QgsFeatureRequest, QgsMapSettings, QgsMapRendererParallelJob, QgsPointXY)
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QSize
    from qgis.PyQt.QtGui import QColor
except ImportError:
    print("PyQGIS (python3-qgis) is not installed in the environment: skipped")
    sys.exit(77)

frontline, db = sys.argv[1], sys.argv[2]
days = ["2016-11-15", "2016-11-30", "2016-12-07", "2016-12-22"]


def run(*args):
    return subprocess.run([frontline, *args], check=True, capture_output=True, text=True).stdout


def finish(status):
    # PyQGIS may crash while Python tears its objects down after exitQgis(); the verdict is already given.
    sys.stdout.flush()
    os._exit(status)


def fail(message):
    print("QGIS GeoPackage test: " + message)
    finish(1)


work = tempfile.mkdtemp(prefix="frontline-qgis-")
if db == "generate":  # a war of 4,000 districts, drawn by the batched layer in the viewer
    db = os.path.join(work, "war.frontline")
    run("generate", "--districts", "4000", "--days", "90", "--changes", "40000", "--seed", "7", "-o", db)
    span = [line.split(",")[0] for line in run("days", "--db", db).splitlines()[1:]]
    days = [span[0], span[len(span) // 3], span[2 * len(span) // 3], span[-1]]
gpkg = os.path.join(work, "control.gpkg")
run("export", "gpkg", "-o", gpkg, "--db", db)
run("export", "csv", "-o", os.path.join(work, "dataset"), "--db", db)
with open(os.path.join(work, "dataset", "factions.csv"), newline="") as f:
    factions = {r["id"]: (r["name"], r["colour"].lower()) for r in csv.DictReader(f)}

app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(gpkg + "|layername=control", "control", "ogr")
if not layer.isValid():
    fail("QGIS cannot open the layer")
message, loaded = layer.loadDefaultStyle()  # what QGIS desktop does when the layer is added: every style category
if not loaded:
    fail("QGIS finds no default style in the file: " + message)
temporal = layer.temporalProperties()
if not temporal.isActive():
    fail("the default style leaves the layer without time")

renderer = layer.renderer()
categories = {c.value(): c for c in renderer.categories()}
for fid, (name, colour) in factions.items():
    c = categories.get(fid)
    if c is None or c.label() != name or c.symbol().color().name() != colour:
        fail(f"the style's category for {fid} is not the dataset's ({name}, {colour})")

context = QgsVectorLayerTemporalContext()
context.setLayer(layer)
checked = 0
for day in days:
    d = QDate.fromString(day, "yyyy-MM-dd")
    frame = QgsDateTimeRange(QDateTime(d, QTime(0, 0)), QDateTime(d.addDays(1), QTime(0, 0)), True, False)
    request = QgsFeatureRequest().setFilterExpression(temporal.createFilterString(context, frame))
    shown = {}
    for feature in layer.getFeatures(request):
        district = feature["district_id"]
        if district in shown:
            fail(f"{day}: QGIS shows district {district} twice")
        shown[district] = (feature["state"], feature["holders"])
    expected = {r["district_id"]: (r["state"], r["controller"])
                for r in csv.DictReader(io.StringIO(run("state", "--date", day, "--db", db))) if r["state"] != "unknown"}
    if shown != expected:
        missing = sorted(set(expected) - set(shown))[:5]
        wrong = sorted(k for k in shown if k in expected and shown[k] != expected[k])[:5]
        fail(f"{day}: QGIS shows {len(shown)} districts, frontline state {len(expected)}; missing {missing}, differing {wrong}")
    checked += len(shown)

    # One frame, rendered by QGIS: a held district's pixel is its holder's colour over the white background.
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setOutputSize(QSize(800, 600))
    settings.setBackgroundColor(QColor("white"))
    settings.setExtent(layer.extent())
    settings.setIsTemporal(True)
    settings.setTemporalRange(frame)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    if day == days[-1]:
        image.save(os.path.join(os.environ.get("FRONTLINE_QGIS_OUT", work), "qgis-frame.png"))
    probed = 0
    held = [f for f in layer.getFeatures(request) if f["state"] == "held"]
    for feature in sorted(held, key=lambda f: -f.geometry().area())[:10]:  # the largest: far from any outline
        point = feature.geometry().pointOnSurface().asPoint()
        pixel = settings.mapToPixel().transform(QgsPointXY(point))
        got = QColor(image.pixel(int(pixel.x()), int(pixel.y())))
        fill = QColor(factions[feature["holders"]][1])
        alpha = categories[feature["holders"]].symbol().color().alphaF() * categories[feature["holders"]].symbol().opacity()
        want = [round(c * alpha + 255 * (1 - alpha)) for c in (fill.red(), fill.green(), fill.blue())]
        if max(abs(a - b) for a, b in zip((got.red(), got.green(), got.blue()), want)) > 12:
            fail(f"{day}: district {feature['district_id']} is drawn {got.name()}, its holder's colour over white is "
                 f"{QColor(*want).name()}")
        probed += 1
    if probed == 0 and held:
        fail(f"{day}: no held district to check in the frame")

print(f"QGIS {Qgis.version()}: {len(days)} days, {checked} "
      f"district-days, each shown once with frontline state's holder; frames in the holders' colours")
finish(0)
