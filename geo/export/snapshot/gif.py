"""A period as pictures: one PNG per day with one browser, and an animated GIF of them."""
from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from geo.core.dataset import Dataset
from geo.core.i18n import ENGLISH, Translator
from geo.core.view import View
from geo.export.snapshot.browser import DEFAULT_SIZE, TILE_TIMEOUT_S, Snapshotter, check_size
from geo.export.snapshot.overlay import DEFAULT_FIT
from geo.render.style import CORRIDOR_COLOR, HOTSPOT_COLOR, KIND_COLORS
from geo.store.files import atomic_write

if TYPE_CHECKING:  # Pillow is imported where images are made
    from PIL import Image


def batch_pngs(dataset: Dataset, days: Sequence[str], out_dir: str | os.PathLike,
               view: View | None = None, size: Sequence[int] = DEFAULT_SIZE, tiles: bool = True,
               tile_timeout_s: float = TILE_TIMEOUT_S,
               progress: Callable[[int, str], None] | None = None, fit: str = DEFAULT_FIT,
               t: Translator = ENGLISH) -> list[Path]:
    """Write ``DIR/YYYY-MM-DD.png`` for every day, with one browser for all of them.

    ``view`` gives the mode and filters (its day is replaced by each day in turn);
    ``progress(done, day)`` is called after each day.
    """
    check_size(size)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    template = view or View(days[0] if days else "2023-01-01")
    written = []
    with Snapshotter(tiles=tiles, tile_timeout_s=tile_timeout_s, fit=fit, t=t) as shot:
        for i, day in enumerate(days, start=1):
            result = shot.render(dataset, View(day, template.mode, template.kinds, template.regions), size)
            path = out_dir / f"{day}.png"
            atomic_write(path, result.png)
            written.append(path)
            if progress:
                progress(i, day)
    return written


def _label_font(px: int):
    from PIL import ImageFont
    for candidate in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                      "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"):
        if os.path.exists(candidate):
            return ImageFont.truetype(candidate, px)
    return ImageFont.load_default(size=px)


def _draw_label(draw, label: str, width: int) -> None:
    """The frame's label, white on a dark box in the top right corner."""
    font = _label_font(max(12, round(width * 0.03)))
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    pad = max(4, round(width * 0.008))
    x1, y0 = width - pad, pad
    x0, y1 = x1 - (right - left) - 2 * pad, y0 + (bottom - top) + 2 * pad
    draw.rectangle((x0, y0, x1, y1), fill=(29, 29, 29))
    draw.text((x0 + pad - left, y0 + pad - top), label, font=font, fill=(255, 255, 255))


def gif_palette(images: Sequence[Image.Image]) -> Image.Image:
    """One 256-colour palette for every frame: the map's own colours exactly, the rest adaptive.

    A shared palette keeps colours from flickering between frames; fixing the kind,
    hotspot and corridor colours keeps small legend swatches and markers true.
    """
    from PIL import Image
    fixed = [CORRIDOR_COLOR, HOTSPOT_COLOR, *KIND_COLORS.values(), "#ffffff", "#000000", "#1d1d1d"]
    fixed_rgb = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in fixed]
    thumbs = [img.resize((max(1, img.width // 2), max(1, img.height // 2))) for img in images]
    sheet = Image.new("RGB", (max(t.width for t in thumbs), sum(t.height for t in thumbs)))
    y = 0
    for thumb in thumbs:
        sheet.paste(thumb, (0, y))
        y += thumb.height
    adaptive = sheet.quantize(colors=256 - len(fixed_rgb), method=Image.Quantize.MEDIANCUT,
                              dither=Image.Dither.NONE)
    colours = (adaptive.getpalette() or [])[: 3 * (256 - len(fixed_rgb))]  # a quantized image always has one
    colours += [0] * (3 * (256 - len(fixed_rgb)) - len(colours))
    for rgb in fixed_rgb:
        colours += list(rgb)
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours)
    return palette


def make_gif(frames: Sequence[str | os.PathLike], labels: Sequence[str], out: str | os.PathLike,
             width: int = 800, frame_ms: int = 800, last_frame_ms: int = 2000) -> Path:
    """An animated GIF of the PNG ``frames``, each with its label (the date) drawn large.

    Parameters
    ----------
    frames : sequence of paths
        PNG files, in order.
    labels : sequence of str
        One label per frame, drawn in a box at the frame's top right.
    out : path
    width : int
        Width of the GIF; frames are scaled to it, keeping their proportions.
    frame_ms, last_frame_ms : int
        How long each frame, and the last one, stays on screen.

    Returns
    -------
    pathlib.Path
    """
    from PIL import Image, ImageDraw
    if len(frames) != len(labels):
        raise ValueError(f"{len(frames)} frames but {len(labels)} labels")
    if not frames:
        raise ValueError("a GIF needs at least one frame")
    if not isinstance(width, int) or width < 50:
        raise ValueError(f"width must be a whole number >= 50, got {width!r}")
    images = []
    for path, label in zip(frames, labels, strict=False):
        with Image.open(path) as img:
            rgb = img.convert("RGB")
        height = round(rgb.height * width / rgb.width)
        rgb = rgb.resize((width, height), Image.Resampling.LANCZOS)
        _draw_label(ImageDraw.Draw(rgb), label, width)
        images.append(rgb)
    palette = gif_palette(images)
    frames_p = [img.quantize(palette=palette, dither=Image.Dither.NONE) for img in images]
    durations = [frame_ms] * (len(images) - 1) + [last_frame_ms]
    out = Path(out)
    buffer = io.BytesIO()
    frames_p[0].save(buffer, format="GIF", save_all=True, append_images=frames_p[1:], duration=durations,
                   loop=0, disposal=1, optimize=False)
    atomic_write(out, buffer.getvalue())
    return out


def short_date(day: str, t: Translator = ENGLISH) -> str:
    """``2023-01-09`` -> ``Mon 9 Jan 2023`` (the GIF's frame label; ``lun 9 ene 2023`` in Spanish)."""
    return t.date(date.fromisoformat(day), "short")
