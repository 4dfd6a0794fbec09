#!/usr/bin/env python3
# `render --from --to -o x.mp4|x.gif` as a video player reads it: ffprobe counts the frames and size asked for,
# and a frame ffmpeg decodes from the middle of a day matches the PNG render of that day. With captions (the
# default), the map above the caption band is the PNG of that day at the map's size, and the band has text.
import json, os, shutil, subprocess, sys, tempfile

try:
    from qgis.PyQt.QtGui import QImage, QColor
except ImportError:
    print("PyQt (python3-qgis) is not installed in the environment: skipped")
    sys.exit(77)
if not shutil.which("ffprobe") or not shutil.which("ffmpeg"):
    print("ffprobe/ffmpeg (ffmpeg) is not installed in the environment: skipped")
    sys.exit(77)

frontline = sys.argv[1]
work = tempfile.mkdtemp(prefix="frontline-video-")
days, per_second, fps = ["2016-11-26", "2016-11-27", "2016-11-28"], 2, 30
frames_per_day = fps // per_second


def run(*args):
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def differing_share(a, b, by):
    differ = total = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            p, q = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            total += 1
            differ += max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())) > by
    return differ / total


pngs = {}
for d in days:
    run(frontline, "render", "--date", d, "--size", "480x320", "-o", os.path.join(work, d + ".png"))
    pngs[d] = QImage(os.path.join(work, d + ".png"))
# H.264 blurs edges; a GIF has 256 colours, dithered: its pixels may stray further from the PNG's.
for video, by, tolerance in (("clip.mp4", 40, 0.05), ("clip.gif", 96, 0.05)):
    path = os.path.join(work, video)
    run(frontline, "render", "--from", days[0], "--to", days[-1], "--days-per-second", str(per_second), "--size", "480x320",
        "--no-captions", "-o", path)
    probe = json.loads(run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                           "stream=width,height,nb_read_frames", "-of", "json", path))["streams"][0]
    if (probe["width"], probe["height"], int(probe["nb_read_frames"])) != (480, 320, frames_per_day * len(days)):
        print(f"{video}: ffprobe reads {probe}, expected 480x320 and {frames_per_day * len(days)} frames")
        sys.exit(1)
    frame = os.path.join(work, video + ".png")
    middle = frames_per_day + frames_per_day // 2  # in the second day
    run("ffmpeg", "-v", "error", "-i", path, "-vf", f"select=eq(n\\,{middle})", "-frames:v", "1", "-y", frame)
    decoded = QImage(frame).convertToFormat(QImage.Format_RGB32)
    shares = {d: differing_share(png, decoded, by) for d, png in pngs.items()}
    print(f"{video}: {probe['nb_read_frames']} frames of 480x320; frame {middle} differs from the PNG of "
          + ", ".join(f"{d} in {100 * v:.2f}%" for d, v in shares.items()) + " of pixels")
    # Its own day's picture, closer to it than the days around it are.
    if shares[days[1]] > tolerance or shares[days[1]] >= min(shares[days[0]], shares[days[2]]):
        sys.exit(1)

# Captions: the same frame count and size; the band below the map, never over it.
band = 3 * (11 * 4 // 3) + 11  # CaptionBand at 320 px: three lines of 11 px text, half a line above and below
map_height = 320 - band
path = os.path.join(work, "captioned.mp4")
run(frontline, "render", "--from", days[0], "--to", days[-1], "--days-per-second", str(per_second), "--size", "480x320",
    "-o", path)
probe = json.loads(run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                       "stream=width,height,nb_read_frames", "-of", "json", path))["streams"][0]
if (probe["width"], probe["height"], int(probe["nb_read_frames"])) != (480, 320, frames_per_day * len(days)):
    print(f"captioned.mp4: ffprobe reads {probe}")
    sys.exit(1)
small = os.path.join(work, "map-only.png")
run(frontline, "render", "--date", days[1], "--size", f"480x{map_height}", "-o", small)
frame = os.path.join(work, "captioned.png")
run("ffmpeg", "-v", "error", "-i", path, "-vf", f"select=eq(n\\,{frames_per_day + frames_per_day // 2})", "-frames:v", "1",
    "-y", frame)
decoded = QImage(frame).convertToFormat(QImage.Format_RGB32)
top = decoded.copy(0, 0, 480, map_height)
map_share = differing_share(QImage(small).convertToFormat(QImage.Format_RGB32), top, 40)
dark = sum(QColor(decoded.pixel(x, y)).lightness() < 100 for y in range(map_height + 2, 320) for x in range(0, 480, 2))
print(f"captioned.mp4: the map above the band differs from the PNG in {100 * map_share:.2f}% of pixels; "
      f"{dark} dark pixels of text in the band")
if map_share > 0.05 or dark < 50:
    sys.exit(1)
