"""Live Python timing for bench/raster.bench.ts (run only when Pillow and numpy import).

Times, on the same inputs, what the recorded baseline timed: the SamplingROIPatchExtractor
grid (bounding box, grid, translated and scaled vertices, the sub-tile canvas drawn with
Pillow, per-tile means, non-zero tiles) and one tile's padded mask. Written for this benchmark
from docs/raster-semantics.md section 9. Prints JSON {id: {"grid": [median_ms, min_ms],
"mask": [median_ms, min_ms]}} on stdout. Usage: python3 raster-live.py INPUT_DIR ID:COL:ROW ...
"""
import json
import math
import sys
import time

import numpy as np
from PIL import Image, ImageDraw


def bbox(data):
    a = np.array(data)
    return a[:, 0].min(), a[:, 1].min(), a[:, 0].max(), a[:, 1].max()


def grid(geom, ts, n):
    x0, y0, x1, y1 = bbox(geom["data"])
    tw, th = int(math.ceil((x1 - x0) / ts)), int(math.ceil((y1 - y0) / ts))
    tx = int((x1 + x0) // 2 - (tw * ts) // 2)
    ty = int((y1 + y0) // 2 - (th * ts) // 2)
    s = n / ts
    xy = [((x - tx) * s, (y - ty) * s) for (x, y) in geom["data"]]
    canvas = Image.new("L", (tw * n, th * n), 0)
    ImageDraw.Draw(canvas).polygon(xy, fill="white", outline="white")
    tiles = np.asarray(canvas).reshape(th, n, tw, n).mean((-1, -3)) / 255.0
    nz = np.flip(np.array(np.nonzero(tiles)).T, 1)
    return tx, ty, nz, tiles[tiles > 0]


def mask(geom, ts, pad, tx, ty, col, row):
    px, py = tx + col * ts, ty + row * ts
    xy = [(x - px, y - py) for (x, y) in geom["data"]]
    inner = Image.new("L", (ts, ts), 0)
    ImageDraw.Draw(inner).polygon(xy, fill="white")
    out = Image.new("L", (ts + 2 * pad, ts + 2 * pad), 0)
    out.paste(inner, (pad, pad))
    return out


def timed(fn, repeats):
    fn()
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return [samples[len(samples) // 2], samples[0]]


def main():
    folder, specs = sys.argv[1], sys.argv[2:]
    result = {}
    for spec in specs:
        case, col, row = spec.split(":")
        with open(f"{folder}/{case}.json") as f:
            inp = json.load(f)
        geom, ts, n, pad = inp["geom"], inp["tile_size"], inp["sub_tiles_per_tile"], inp["padding"]
        entry = {"grid": timed(lambda: grid(geom, ts, n), 15)}
        if col != "-":
            tx, ty, _, _ = grid(geom, ts, n)
            entry["mask"] = timed(lambda: mask(geom, ts, pad, tx, ty, int(col), int(row)), 9)
        result[case] = entry
    json.dump(result, sys.stdout)


main()
