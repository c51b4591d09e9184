"""Link-preview images (og:image): one 1200×630 PNG per kind of page, drawn at build time.

Drawn with Pillow and the font Pillow itself ships (`ImageFont.load_default(size)`), so no
font is fetched from another host and the result is the same on every machine with the
same Pillow. One image per kind, not per page: thousands of record pages would otherwise
mean thousands of images in every build.
"""
from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .publish import IMAGE_FOLDER, IMAGE_SIZE, SITE_KIND

SITE_NAME = "Menukaart PlusWIJken"
# What a preview says the linked page is, per collection (and for every other page).
KINDS = {
    SITE_KIND: "Kennisbank integrale wijkaanpak",
    "principes": "Werkend principe",
    "tools": "Tool of werkvorm",
    "routekaart": "Routekaart",
    "kernaanpakken": "Kernaanpak",
    "wijken": "Wijk",
    "praktijken": "Good practice",
}
FOOTER = "Lerend netwerk PlusWIJken · Zuid-Limburg"
BACKGROUND = (0, 102, 110)  # the site's primary colour (docs/assets/css/menukaart.css)
DARK = (0, 74, 80)
TEXT = (255, 255, 255)
MARGIN = 80


def _font(size: int):
    return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int):
    """The largest font up to `size` in which `text` fits on one line of `width` pixels."""
    while size > 24 and draw.textlength(text, font=_font(size)) > width:
        size -= 4
    return _font(size)


@functools.cache  # `make serve` rebuilds often; the images never change within one process
def draw(kind: str) -> bytes:
    """The PNG for one kind of page."""
    width, height = IMAGE_SIZE
    image = Image.new("RGB", IMAGE_SIZE, BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle([0, height - 130, width, height], fill=DARK)
    pen.rectangle([MARGIN, 120, MARGIN + 120, 132], fill=TEXT)
    pen.text((MARGIN, 170), SITE_NAME, font=_fit(pen, SITE_NAME, 88, width - 2 * MARGIN), fill=TEXT)
    label = KINDS[kind]
    pen.text((MARGIN, 300), label, font=_fit(pen, label, 64, width - 2 * MARGIN), fill=TEXT)
    pen.text((MARGIN, height - 95), FOOTER, font=_fit(pen, FOOTER, 40, width - 2 * MARGIN), fill=TEXT)
    out = io.BytesIO()
    image.save(out, format="PNG")  # optimize=True saved 5 % (1.5 kB per image) for 0.3 s in every build
    return out.getvalue()


def alt_text(kind: str) -> str:
    return f"{SITE_NAME}: {KINDS[kind].lower() if kind != SITE_KIND else KINDS[kind]}"


def write_images(site_dir: Path) -> list[Path]:
    folder = Path(site_dir) / IMAGE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / f"{kind}.png"
        path.write_bytes(draw(kind))
        written.append(path)
    return written
